package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionRepository;

import java.util.ArrayList;
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

    public AoDecisionRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void append(String runId, List<Decision> ranked) {
        ao.executeInTransaction(() -> {
            List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, ranked.size()));
            int position = 0;
            for (Decision d : ranked) {
                Map<String, Object> row = new HashMap<>();
                row.put("FINDING_KEY", d.findingKey());
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
                row.put("DECISION_JSON", DecisionCodec.encode(d));
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
        return rows.length == 0 ? Optional.empty() : Optional.of(DecisionCodec.decode(rows[0].getDecisionJson()));
    }

    @Override
    public List<Decision> history(String findingKey) {
        return decode(ao.find(DecisionEntity.class, Query.select().where("FINDING_KEY = ?", findingKey)
                .order("DECIDED_AT_MILLIS ASC, ID ASC")));
    }

    private static List<Decision> decode(DecisionEntity[] rows) {
        List<Decision> decisions = new ArrayList<>(rows.length);
        for (DecisionEntity row : rows) {
            decisions.add(DecisionCodec.decode(row.getDecisionJson()));
        }
        return decisions;
    }
}
