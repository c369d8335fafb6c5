package org.ctemcycles.jira.admin;

import org.ctemcycles.report.view.CycleView;

/** One cycle on a project's CTEM page: the cycle, its register entries needing work, overdue ones, next checkpoint. */
public final class ProjectCycleRow {

    private final CycleView cycle;
    private final int open;
    private final int overdue;
    private final String nextCheckpoint;

    ProjectCycleRow(CycleView cycle, int open, int overdue, String nextCheckpoint) {
        this.cycle = cycle;
        this.open = open;
        this.overdue = overdue;
        this.nextCheckpoint = nextCheckpoint;
    }

    public CycleView getCycle() {
        return cycle;
    }

    /** Register entries still needing work (residual, no accepted risk). */
    public int getOpen() {
        return open;
    }

    public int getOverdue() {
        return overdue;
    }

    /** The next checkpoint due or upcoming (ISO date), "" when none is left. */
    public String getNextCheckpoint() {
        return nextCheckpoint;
    }
}
