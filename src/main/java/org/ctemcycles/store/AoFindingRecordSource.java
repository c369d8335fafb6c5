package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.evidence.FindingRecordSource;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.DecisionEncoding;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One finding's record on Active Objects, for the issue it was mobilised into: every read is one statement over
 * preloaded rows, selected by a key, so the issue view costs the same for a cycle of 10 findings as for 100,000 (a
 * finding handed over and not yet scanned in its new cycle: two statements more per hand-over).
 */
public class AoFindingRecordSource implements FindingRecordSource {

    private static final Pattern FINDING_KEY = Pattern.compile("F-[0-9a-f]{16}", Pattern.CASE_INSENSITIVE);
    private static final int HASH_DIGITS = 64;

    private final ActiveObjects ao;
    private final DecisionEncoding encoding;
    private final TrackerLinks links;

    public AoFindingRecordSource(ActiveObjects ao, DecisionEncoding encoding) {
        this.ao = ao;
        this.encoding = encoding;
        this.links = new TrackerLinks(ao);
    }

    /**
     * By the issue's id, then (when no entry has it) by its key: each through the tracker link table's index of it
     * (ADR 054), then the linked entries by their key.
     */
    @Override
    public List<RegisterEntry> trackedBy(String issueId, String issueKey) {
        List<RegisterEntry> byId = issueId == null ? List.of() : links.entries("TRACKER_ISSUE_ID", issueId);
        return !byId.isEmpty() || issueKey == null ? byId : links.entries("TRACKER_ISSUE", issueKey);
    }

    /**
     * A range of the unique finding key ({@code CYCLE/} and the key's hash range) in the entry's cycle; when that
     * cycle has not seen the finding (handed over, not scanned there yet), the same in the cycle it was carried from,
     * whose entry says where it came from in turn: two statements per hand-over, only for such entries. No index of
     * the identity hash alone: every new finding would pay for it (ADR 052).
     */
    @Override
    public Optional<Finding> finding(RegisterEntry entry) {
        String[] range = identityRange(entry.findingKey());
        if (range == null) {
            return Optional.empty();
        }
        String cycle = entry.cycleKey();
        String carriedFrom = entry.carriedFrom(); // null below: that cycle's entry not read yet (read only if needed)
        for (Set<String> looked = new HashSet<>(); looked.add(cycle); ) {
            List<FindingEntity> rows = inCycle(ao, cycle, range);
            if (!rows.isEmpty()) {
                // when it was last seen, and by which run, is its newest signal (one query more)
                return Optional.of(new AoDiscoveryRepository(ao).withLastSightings(List.of(rows.get(rows.size() - 1)),
                        0).get(0));
            }
            if (carriedFrom == null) {
                carriedFrom = carriedFrom(cycle, entry.findingKey());
            }
            if (carriedFrom.isEmpty()) {
                break;
            }
            cycle = carriedFrom;
            carriedFrom = null;
        }
        return Optional.empty();
    }

    /** The cycle the finding's entry in this cycle was carried from, "" when none (or no entry). */
    private String carriedFrom(String cycleKey, String findingKey) {
        RegisterEntryEntity[] rows = ao.find(RegisterEntryEntity.class, Query.select("ID, CARRIED_FROM")
                .where("ENTRY_KEY = ?", AoRegisterRepository.entryKey(cycleKey, findingKey)));
        return rows.length == 0 || rows[0].getCarriedFrom() == null ? "" : rows[0].getCarriedFrom();
    }

    /**
     * The cycle's findings whose key is in the hash range, oldest first: a range over the unique finding key's index
     * ({@code CYCLE/} and the key's hash range), never a scan of the cycle; a collation that ignores punctuation may
     * sort another cycle's key inside the range, so the cycle is checked here.
     */
    static List<FindingEntity> inCycle(ActiveObjects ao, String cycleKey, String[] range) {
        return Arrays.stream(ao.find(FindingEntity.class, Query.select(AoDiscoveryRepository.FINDING_COLUMNS)
                        .where("FINDING_KEY >= ? AND FINDING_KEY <= ?", cycleKey + "/" + range[0],
                                cycleKey + "/" + range[1]).order("ID ASC")))
                .filter(row -> row.getCycleKey().equals(cycleKey)).toList();
    }

    /**
     * The identity hashes a finding key stands for (the key is a prefix of the hash), lowest and highest, so that a
     * finding is found in a cycle by a range over the unique finding key's index ({@code CYCLE/} and these), never by a
     * scan; null when the text is no finding key.
     */
    static String[] identityRange(String findingKey) {
        if (findingKey == null || !FINDING_KEY.matcher(findingKey).matches()) {
            return null;
        }
        String prefix = findingKey.substring(Finding.KEY_PREFIX.length()).toLowerCase(Locale.ROOT);
        return new String[]{prefix + "0".repeat(HASH_DIGITS - prefix.length()),
                prefix + "f".repeat(HASH_DIGITS - prefix.length())};
    }

    @Override
    public QueuePlace queuePlace(String cycleKey, String findingKey) {
        Optional<String> current = AoEvidenceSource.queueRun(ao, cycleKey);
        if (current.isEmpty()) {
            return new QueuePlace(null, 0);
        }
        String run = current.get();
        DecisionEntity[] item = ao.find(DecisionEntity.class, Query.select("ID, QUEUE_POSITION, DECISION_JSON")
                .where("RUN_ID = ? AND FINDING_KEY = ?", run, findingKey).limit(1));
        int length = ao.count(DecisionEntity.class, Query.select().where("RUN_ID = ?", run));
        return new QueuePlace(item.length == 0 ? null
                : new RankedDecision(item[0].getQueuePosition(), encoding.decode(item[0].getDecisionJson())), length);
    }
}
