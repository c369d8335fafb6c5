package org.ctemcycles.core.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A checkpoint held in a cycle: the day, the planned checkpoint it stands for (null for an unplanned one), who
 * recorded it, notes, and the metrics snapshot taken then.
 */
public record Checkpoint(String cycleKey, LocalDate heldOn, LocalDate plannedFor, Instant recordedAt,
                         String recordedBy, String notes, MetricsSnapshot metrics) {

    public Checkpoint {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(metrics, "metrics");
        notes = notes == null ? "" : notes;
    }
}
