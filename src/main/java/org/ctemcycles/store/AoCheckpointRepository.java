package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.MetricsSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Held checkpoints on Active Objects ({@link CheckpointEntity}). */
public class AoCheckpointRepository implements CheckpointRepository {

    private final ActiveObjects ao;

    public AoCheckpointRepository(ActiveObjects ao) {
        this.ao = ao;
    }

    @Override
    public void insert(Checkpoint checkpoint) {
        ao.create(CheckpointEntity.class,
                new DBParam("CYCLE_KEY", checkpoint.cycleKey()),
                new DBParam("HELD_ON", checkpoint.heldOn().toString()),
                new DBParam("PLANNED_FOR", checkpoint.plannedFor() == null ? null : checkpoint.plannedFor().toString()),
                new DBParam("RECORDED_AT_MILLIS", checkpoint.recordedAt().toEpochMilli()),
                new DBParam("RECORDED_BY", checkpoint.recordedBy()),
                new DBParam("NOTES", checkpoint.notes()),
                new DBParam("METRICS", checkpoint.metrics().encode()));
    }

    @Override
    public List<Checkpoint> list(String cycleKey) {
        CheckpointEntity[] rows = ao.find(CheckpointEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey)
                .order("RECORDED_AT_MILLIS ASC, ID ASC"));
        return Arrays.stream(rows).map(row -> new Checkpoint(row.getCycleKey(), LocalDate.parse(row.getHeldOn()),
                row.getPlannedFor() == null || row.getPlannedFor().isEmpty() ? null
                        : LocalDate.parse(row.getPlannedFor()),
                Instant.ofEpochMilli(row.getRecordedAtMillis()), row.getRecordedBy(), row.getNotes(),
                MetricsSnapshot.decode(row.getMetrics()))).toList();
    }
}
