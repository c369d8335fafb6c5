package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stores cycles in the {@link CycleEntity} table through Active Objects. Updates are optimistic: each inserts the
 * next {@link CycleRevisionEntity} first, so of two changes made from the same revision the database lets one win.
 */
public class AoCycleRepository implements CycleRepository {

    private final ActiveObjects ao;

    public AoCycleRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public boolean insert(Cycle cycle) {
        try {
            ao.executeInTransaction(() -> ao.create(CycleEntity.class,
                    new DBParam("CYCLE_KEY", cycle.key()),
                    new DBParam("NAME", cycle.name()),
                    new DBParam("OBJECTIVE", cycle.objective()),
                    new DBParam("START_DATE", cycle.cadence().start().toString()),
                    new DBParam("PLANNED_END", cycle.cadence().plannedEnd().toString()),
                    new DBParam("CHECKPOINT_INTERVAL_DAYS", cycle.cadence().checkpointIntervalDays()),
                    new DBParam("STAGE", cycle.stage().name()),
                    new DBParam("CREATED_AT_MILLIS", cycle.createdAt().toEpochMilli()),
                    new DBParam("CREATED_BY", cycle.createdBy()),
                    new DBParam("SUCCESS_CRITERIA", cycle.successCriteria()),
                    new DBParam("PREDECESSOR_KEY", cycle.predecessorKey()),
                    new DBParam("SUCCESSOR_KEY", cycle.successorKey()),
                    new DBParam("PROJECT_KEY", cycle.projectKey()),
                    new DBParam("REVISION", cycle.version())));
            return true;
        } catch (RuntimeException e) {
            // The unique constraint on CYCLE_KEY is the arbiter between concurrent creators (two nodes, two users).
            if (SqlErrors.lostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Cycle> find(String key) {
        return row(key).map(AoCycleRepository::toCycle);
    }

    @Override
    public List<Cycle> list() {
        CycleEntity[] rows = ao.find(CycleEntity.class, Query.select().order("START_DATE DESC, CYCLE_KEY ASC"));
        return Arrays.stream(rows).map(AoCycleRepository::toCycle).toList();
    }

    @Override
    public Cycle update(Cycle changed) {
        return ao.executeInTransaction(() -> {
            CycleEntity row = row(changed.key()).orElseThrow(() ->
                    new NotFoundException("no CTEM cycle with key '" + changed.key() + "'"));
            if (row.getRevision() != changed.version()) {
                throw stale(changed, row.getRevision(), null);
            }
            long next = changed.version() + 1;
            try {
                ao.create(CycleRevisionEntity.class,
                        new DBParam("REVISION_KEY", changed.key() + "@" + next),
                        new DBParam("CYCLE_KEY", changed.key()),
                        new DBParam("REVISION", next));
            } catch (RuntimeException e) {
                if (SqlErrors.lostRace(e)) {
                    throw stale(changed, next, e);
                }
                throw e;
            }
            row.setName(changed.name());
            row.setObjective(changed.objective());
            row.setStartDate(changed.cadence().start().toString());
            row.setPlannedEnd(changed.cadence().plannedEnd().toString());
            row.setCheckpointIntervalDays(changed.cadence().checkpointIntervalDays());
            row.setStage(changed.stage().name());
            row.setSuccessCriteria(changed.successCriteria());
            row.setPredecessorKey(changed.predecessorKey());
            row.setSuccessorKey(changed.successorKey());
            row.setProjectKey(changed.projectKey());
            row.setRevision(next);
            row.save();
            return toCycle(row);
        });
    }

    private static ConflictException stale(Cycle changed, long storedRevision, Throwable cause) {
        return new ConflictException("cycle " + changed.key() + " was changed by someone else while this change was"
                + " made (it is at revision " + storedRevision + "; this change started from revision "
                + changed.version() + "); reload it and try again", false, cause);
    }

    private Optional<CycleEntity> row(String key) {
        CycleEntity[] rows = ao.find(CycleEntity.class, Query.select().where("CYCLE_KEY = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    private static Cycle toCycle(CycleEntity row) {
        return new Cycle(row.getCycleKey(), row.getName(), text(row.getObjective()),
                new Cadence(LocalDate.parse(row.getStartDate()), LocalDate.parse(row.getPlannedEnd()),
                        row.getCheckpointIntervalDays()),
                Stage.valueOf(row.getStage()), Instant.ofEpochMilli(row.getCreatedAtMillis()), row.getCreatedBy(),
                text(row.getSuccessCriteria()), text(row.getPredecessorKey()), text(row.getSuccessorKey()),
                row.getRevision(), text(row.getProjectKey()));
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
