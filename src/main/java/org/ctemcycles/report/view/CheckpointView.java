package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.Checkpoint;

/** A checkpoint held: the day, the planned date it stands for, who recorded it, notes and the metrics then. */
public final class CheckpointView {

    private final Checkpoint checkpoint;

    public CheckpointView(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    public String getHeldOn() {
        return ViewText.date(checkpoint.heldOn());
    }

    /** The planned date it stands for, or "unplanned". */
    public String getPlannedFor() {
        return checkpoint.plannedFor() == null ? "unplanned" : ViewText.date(checkpoint.plannedFor());
    }

    public String getRecordedBy() {
        return checkpoint.recordedBy();
    }

    public String getNotes() {
        return checkpoint.notes();
    }

    public MetricsView getMetrics() {
        return new MetricsView(checkpoint.metrics());
    }
}
