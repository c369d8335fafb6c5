package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.common.ConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Closure summaries on Active Objects ({@link ClosureEntity}); lists one item per line. */
public class AoClosureRepository implements ClosureRepository {

    private final ActiveObjects ao;

    public AoClosureRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insert(ClosureSummary summary) {
        try {
            create(summary);
        } catch (RuntimeException e) {
            // the unique CYCLE_KEY decides between two closers of one cycle
            if (SqlErrors.lostRace(e)) {
                throw new ConflictException("cycle " + summary.cycleKey() + " already has a closure summary", false,
                        e);
            }
            throw e;
        }
    }

    private void create(ClosureSummary summary) {
        ao.create(ClosureEntity.class,
                new DBParam("CYCLE_KEY", summary.cycleKey()),
                new DBParam("CLOSED_AT_MILLIS", summary.closedAt().toEpochMilli()),
                new DBParam("CLOSED_BY", summary.closedBy()),
                new DBParam("DELIVERED", lines(summary.delivered())),
                new DBParam("FALSE_POSITIVES", lines(summary.falsePositives())),
                new DBParam("CARRIED_OVER", lines(summary.carriedOver())),
                new DBParam("RISK_ACCEPTED", summary.riskAccepted()),
                new DBParam("SURFACE_CHANGES", lines(summary.surfaceChanges())),
                new DBParam("NEXT_SCOPE", lines(summary.nextScope())),
                new DBParam("METRICS", summary.metrics().encode()));
    }

    @Override
    public Optional<ClosureSummary> find(String cycleKey) {
        ClosureEntity[] rows = ao.find(ClosureEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey));
        if (rows.length == 0) {
            return Optional.empty();
        }
        ClosureEntity row = rows[0];
        return Optional.of(new ClosureSummary(row.getCycleKey(), Instant.ofEpochMilli(row.getClosedAtMillis()),
                row.getClosedBy(), AoValidationRepository.lines(row.getDelivered()),
                AoValidationRepository.lines(row.getFalsePositives()),
                AoValidationRepository.lines(row.getCarriedOver()), row.getRiskAccepted(),
                AoValidationRepository.lines(row.getSurfaceChanges()),
                AoValidationRepository.lines(row.getNextScope()), MetricsSnapshot.decode(row.getMetrics())));
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }
}
