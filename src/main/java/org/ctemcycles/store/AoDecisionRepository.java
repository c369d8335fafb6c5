package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionEncoding;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.priority.Tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decisions in {@link DecisionEntity}, append-only: rows are inserted in batches inside one transaction and never
 * updated or deleted by this class.
 */
public class AoDecisionRepository implements DecisionRepository {

    private static final int BATCH = 1000;

    private final ActiveObjects ao;
    private final DecisionEncoding encoding;

    /** @param encoding the one text form of a decision (ADR 021), kept in {@code DECISION_JSON} */
    public AoDecisionRepository(ActiveObjects ao, DecisionEncoding encoding) {
        this.ao = ao;
        this.encoding = encoding;
    }

    @Override
    public void append(String runId, List<Decision> ranked) {
        insert(null, runId, ranked);
    }

    @Override
    public void appendToCycle(String cycleKey, String runId, List<Decision> ranked) {
        insert(cycleKey, runId, ranked);
    }

    @Override
    public Map<String, Tier> latestTiers(String cycleKey) {
        Map<String, Tier> tiers = new HashMap<>();
        // oldest first, so each finding ends with its newest decision
        ao.stream(DecisionEntity.class, Query.select("ID, FINDING_KEY, TIER, DECIDED_AT_MILLIS")
                        .where("CYCLE_KEY = ?", cycleKey).order("DECIDED_AT_MILLIS ASC, ID ASC"),
                row -> tiers.put(row.getFindingKey(), Tier.valueOf(row.getTier())));
        return tiers;
    }

    @Override
    public List<Decision> latestInCycle(String cycleKey) {
        Map<String, Integer> newest = new HashMap<>();
        ao.stream(DecisionEntity.class, Query.select("ID, FINDING_KEY, DECIDED_AT_MILLIS")
                        .where("CYCLE_KEY = ?", cycleKey).order("DECIDED_AT_MILLIS ASC, ID ASC"),
                row -> newest.put(row.getFindingKey(), row.getID()));
        List<Decision> decisions = new ArrayList<>(newest.size());
        List<Integer> ids = new ArrayList<>(newest.values());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Integer> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            ao.stream(DecisionEntity.class, Query.select("ID, DECISION_JSON").where("ID IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                            chunk.toArray()),
                    row -> decisions.add(encoding.decode(row.getDecisionJson())));
        }
        decisions.sort(Decision.RANKING);
        return decisions;
    }

    private void insert(String cycleKey, String runId, List<Decision> ranked) {
        ao.executeInTransaction(() -> {
            List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, ranked.size()));
            int position = 0;
            for (Decision d : ranked) {
                Map<String, Object> row = new HashMap<>();
                row.put("FINDING_KEY", d.findingKey());
                row.put("CYCLE_KEY", cycleKey);
                row.put("RUN_ID", runId);
                row.put("QUEUE_POSITION", ++position);
                row.put("SCORE", d.score());
                row.put("TIER", d.tier().name());
                row.put("SSVC_OUTCOME", d.ssvc().label());
                row.put("DEADLINE", d.deadline().date() == null ? null : d.deadline().date().toString());
                row.put("DEADLINE_RULE", d.deadline().rule());
                row.put("OVERDUE", d.deadline().overdue());
                row.put("POLICY_ID", d.policyId());
                row.put("POLICY_VERSION", d.policyVersion());
                row.put("DECIDED_AT_MILLIS", d.decidedAt().toEpochMilli());
                row.put("DECISION_JSON", encoding.encode(d));
                rows.add(row);
                if (rows.size() == BATCH) {
                    ao.create(DecisionEntity.class, rows);
                    rows = new ArrayList<>(BATCH);
                }
            }
            if (!rows.isEmpty()) {
                ao.create(DecisionEntity.class, rows);
            }
            return null;
        });
    }

    @Override
    public List<Decision> run(String runId) {
        return decode(ao.find(DecisionEntity.class, Query.select().where("RUN_ID = ?", runId)
                .order("QUEUE_POSITION ASC")));
    }

    @Override
    public Optional<Decision> latest(String findingKey) {
        DecisionEntity[] rows = ao.find(DecisionEntity.class, Query.select().where("FINDING_KEY = ?", findingKey)
                .order("DECIDED_AT_MILLIS DESC, ID DESC").limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(encoding.decode(rows[0].getDecisionJson()));
    }

    @Override
    public List<Decision> history(String findingKey) {
        return decode(ao.find(DecisionEntity.class, Query.select().where("FINDING_KEY = ?", findingKey)
                .order("DECIDED_AT_MILLIS ASC, ID ASC")));
    }

    private List<Decision> decode(DecisionEntity[] rows) {
        List<Decision> decisions = new ArrayList<>(rows.length);
        for (DecisionEntity row : rows) {
            decisions.add(encoding.decode(row.getDecisionJson()));
        }
        return decisions;
    }
}
