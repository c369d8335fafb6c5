package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.evidence.MobilisedIssueSource;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.DecisionEncoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JQL functions' reads on Active Objects: a cycle's mobilised entries in one statement (over the register's
 * cycle index), the queue's top in two more, and the KEV question in a fixed number of statements per
 * {@link #CHUNK} mobilised findings, whatever the number of cycles or of findings not mobilised.
 */
public class AoMobilisedIssueSource implements MobilisedIssueSource {

    private static final String MOBILISED = "TRACKER_ISSUE IS NOT NULL AND TRACKER_ISSUE <> ''";

    private final ActiveObjects ao;
    private final DecisionEncoding encoding;

    public AoMobilisedIssueSource(ActiveObjects ao, DecisionEncoding encoding) {
        this.ao = ao;
        this.encoding = encoding;
    }

    @Override
    public List<RegisterEntry> mobilised(String cycleKey) {
        return entries(Query.select().where("CYCLE_KEY = ? AND " + MOBILISED, cycleKey).order("ID ASC"));
    }

    @Override
    public List<RegisterEntry> queueTop(String cycleKey, int top) {
        var run = AoEvidenceSource.queueRun(ao, cycleKey);
        if (run.isEmpty()) {
            return List.of();
        }
        DecisionEntity[] ranked = ao.find(DecisionEntity.class, Query.select("ID, FINDING_KEY, QUEUE_POSITION")
                .where("RUN_ID = ? AND QUEUE_POSITION <= ?", run.get(), top).order("RUN_ID ASC, QUEUE_POSITION ASC"));
        Map<String, RegisterEntry> byFinding = new HashMap<>();
        mobilised(cycleKey).forEach(e -> byFinding.put(e.findingKey(), e));
        List<RegisterEntry> out = new ArrayList<>();
        for (DecisionEntity row : ranked) {
            RegisterEntry entry = byFinding.get(row.getFindingKey());
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    @Override
    public List<RegisterEntry> inKev(Collection<String> cycleKeys) {
        List<String> cycles = List.copyOf(new HashSet<>(cycleKeys));
        List<RegisterEntry> mobilised = entries(Query.select()
                .where("CYCLE_KEY IN (" + marks(cycles.size()) + ") AND " + MOBILISED, cycles.toArray())
                .order("ID ASC"));
        List<String> findings = mobilised.stream().map(RegisterEntry::findingKey).distinct().toList();
        Set<String> inKev = new HashSet<>();
        for (int from = 0; from < findings.size(); from += CHUNK) {
            inKev.addAll(inKev(cycles, findings.subList(from, Math.min(findings.size(), from + CHUNK))));
        }
        return mobilised.stream().filter(e -> inKev.contains(e.cycleKey() + "/" + e.findingKey())).toList();
    }

    /** "CYCLE/FINDING" of the findings whose newest decision in a cycle has them in KEV: two statements. */
    private Set<String> inKev(List<String> cycles, List<String> findings) {
        Object[] parameters = new Object[cycles.size() + findings.size()];
        System.arraycopy(cycles.toArray(), 0, parameters, 0, cycles.size());
        System.arraycopy(findings.toArray(), 0, parameters, cycles.size(), findings.size());
        // the newest decision of each finding in each cycle, told by id and time alone (the JSON stays unread)
        DecisionEntity[] decisions = ao.find(DecisionEntity.class, Query.select("ID, CYCLE_KEY, FINDING_KEY, DECIDED_AT_MILLIS")
                .where("CYCLE_KEY IN (" + marks(cycles.size()) + ") AND FINDING_KEY IN (" + marks(findings.size())
                        + ")", parameters)
                .order("DECIDED_AT_MILLIS DESC, ID DESC"));
        Map<Integer, String> newest = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DecisionEntity row : decisions) {
            String pair = row.getCycleKey() + "/" + row.getFindingKey();
            if (seen.add(pair)) {
                newest.put(row.getID(), pair);
            }
        }
        if (newest.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        DecisionEntity[] bodies = ao.find(DecisionEntity.class, Query.select("ID, DECISION_JSON")
                .where("ID IN (" + marks(newest.size()) + ")", newest.keySet().toArray()));
        for (DecisionEntity row : bodies) {
            if (encoding.decode(row.getDecisionJson()).inKev()) {
                out.add(newest.get(row.getID()));
            }
        }
        return out;
    }

    private List<RegisterEntry> entries(Query query) {
        return Arrays.stream(ao.find(RegisterEntryEntity.class, query)).map(AoRegisterRepository::toEntry)
                .filter(RegisterEntry::mobilised).toList();
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
