package org.ctemcycles.core.cadence;

import java.util.List;

/** A cycle's checkpoints: the planned ones with where each stands, and those actually held with their metrics. */
public record CheckpointSchedule(String cycleKey, List<PlannedCheckpoint> planned, List<Checkpoint> held) {

    public List<PlannedCheckpoint> missed() {
        return planned.stream().filter(p -> p.status() == PlannedCheckpoint.Status.MISSED).toList();
    }
}
