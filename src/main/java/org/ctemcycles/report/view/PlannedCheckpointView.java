package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.PlannedCheckpoint;

/** A checkpoint the cadence plans, and where it stands (held on a day, due, missed, upcoming, after closure). */
public final class PlannedCheckpointView {

    private final PlannedCheckpoint planned;

    public PlannedCheckpointView(PlannedCheckpoint planned) {
        this.planned = planned;
    }

    public String getDate() {
        return ViewText.date(planned.date());
    }

    public String getStatus() {
        return planned.status().label();
    }

    /** The day it was held, or "". */
    public String getHeldOn() {
        return ViewText.date(planned.heldOn());
    }
}
