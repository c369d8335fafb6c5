package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stores cycles in the {@link CycleEntity} table through Active Objects. */
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
                    new DBParam("CREATED_BY", cycle.createdBy())));
            return true;
        } catch (RuntimeException e) {
            // The unique constraint on CYCLE_KEY is the arbiter between concurrent creators (two nodes, two users).
            if (find(cycle.key()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Cycle> find(String key) {
        CycleEntity[] rows = ao.find(CycleEntity.class, Query.select().where("CYCLE_KEY = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(toCycle(rows[0]));
    }

    @Override
    public List<Cycle> list() {
        CycleEntity[] rows = ao.find(CycleEntity.class, Query.select().order("START_DATE DESC, CYCLE_KEY ASC"));
        return Arrays.stream(rows).map(AoCycleRepository::toCycle).toList();
    }

    private static Cycle toCycle(CycleEntity row) {
        return new Cycle(row.getCycleKey(), row.getName(), row.getObjective() == null ? "" : row.getObjective(),
                new Cadence(LocalDate.parse(row.getStartDate()), LocalDate.parse(row.getPlannedEnd()),
                        row.getCheckpointIntervalDays()),
                Stage.valueOf(row.getStage()), Instant.ofEpochMilli(row.getCreatedAtMillis()), row.getCreatedBy());
    }
}
