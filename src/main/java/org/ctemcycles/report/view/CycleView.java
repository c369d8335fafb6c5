package org.ctemcycles.report.view;

import org.ctemcycles.core.cycle.Cycle;

/**
 * A cycle as a page shows it: plain getters for Velocity (each on the velocity allowlist), values as text. Templates
 * receive these immutable views, never services or entities.
 */
public final class CycleView {

    private final Cycle cycle;

    public CycleView(Cycle cycle) {
        this.cycle = cycle;
    }

    public String getKey() {
        return cycle.key();
    }

    public String getName() {
        return cycle.name();
    }

    public String getObjective() {
        return cycle.objective();
    }

    /** The key of the Jira project the cycle belongs to, or "" when it belongs to none. */
    public String getProject() {
        return cycle.projectKey();
    }

    public String getStage() {
        return cycle.stage().label();
    }

    public String getStart() {
        return cycle.cadence().start().toString();
    }

    public String getPlannedEnd() {
        return cycle.cadence().plannedEnd().toString();
    }

    public int getCheckpointIntervalDays() {
        return cycle.cadence().checkpointIntervalDays();
    }
}
