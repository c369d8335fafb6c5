package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.finding.FindingStatus;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;

/** What every {@link CheckpointRepository} promises: append only, a cycle's checkpoints oldest first. */
public abstract class CheckpointRepositoryContract {

    private CheckpointRepository checkpoints;

    protected abstract CheckpointRepository repository();

    @Before
    public void create() {
        checkpoints = repository();
    }

    static MetricsSnapshot metrics() {
        return new MetricsSnapshot(Map.of(MetricsSnapshot.DISCOVERED, 4, MetricsSnapshot.MOBILISED, 1),
                Map.of("HIGH", 2, MetricsSnapshot.UNRANKED, 2), Map.of(FindingStatus.OPEN, 3,
                FindingStatus.IN_PROGRESS, 1), 1, 2, 1);
    }

    private static Checkpoint checkpoint(String cycle, String held, String recordedAt) {
        return new Checkpoint(cycle, LocalDate.parse(held), LocalDate.parse(held), Instant.parse(recordedAt), "lead",
                "notes \u2018quoted\u2019\nsecond line", metrics());
    }

    @Test
    public void checkpointsReadBackEqualOldestFirst() {
        Checkpoint second = checkpoint("A", "2026-07-29", "2026-07-29T09:00:00Z");
        Checkpoint first = checkpoint("A", "2026-07-15", "2026-07-15T09:00:00Z");
        checkpoints.insert(second);
        checkpoints.insert(first);
        checkpoints.insert(checkpoint("B", "2026-07-01", "2026-07-01T09:00:00Z"));
        assertEquals(List.of(first, second), checkpoints.list("A"));
        assertEquals(List.of(), checkpoints.list("C"));
    }
}
