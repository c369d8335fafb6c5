package org.ctemcycles.core.cycle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a cycle runs: its start, its planned end, and how often its checkpoints fall (in days). Recorded when the
 * cycle is opened, before discovery starts. {@link CycleService} validates the values; this type only holds them.
 */
public record Cadence(LocalDate start, LocalDate plannedEnd, int checkpointIntervalDays) {

    public Cadence {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
    }
}
