package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.MetricsSnapshot;

import java.util.List;

/**
 * The cadence record: start and planned end, the planned checkpoints and where each stands, the checkpoints held
 * with their metrics, the metrics now, the day the cycle closed, and the next cycle with its scope.
 */
public final class CadenceView {

    private final CadenceRecord cadence;
    private final CheckpointSchedule schedule;
    private final MetricsSnapshot now;
    private final boolean closed;

    /**
     * @param now    the metrics as of the pack's figures (a closed cycle's at its closure)
     * @param closed whether the cycle is closed, so that its metrics are labelled as at closure
     */
    public CadenceView(CadenceRecord cadence, CheckpointSchedule schedule, MetricsSnapshot now, boolean closed) {
        this.cadence = cadence;
        this.schedule = schedule;
        this.now = now;
        this.closed = closed;
    }

    /** "Metrics at closure" for a closed cycle, "Metrics now" for a running one. */
    public String getMetricsLabel() {
        return closed ? "Metrics at closure" : "Metrics now";
    }

    public String getStart() {
        return ViewText.date(cadence.start());
    }

    public String getPlannedEnd() {
        return ViewText.date(cadence.plannedEnd());
    }

    public List<PlannedCheckpointView> getPlanned() {
        return schedule.planned().stream().map(PlannedCheckpointView::new).toList();
    }

    public List<CheckpointView> getHeld() {
        return schedule.held().stream().map(CheckpointView::new).toList();
    }

    /** The cycle's metrics as of the pack's figures; null when not computed. */
    public MetricsView getMetricsNow() {
        return now == null ? null : new MetricsView(now);
    }

    public String getClosedOn() {
        return cadence.closedOn() == null ? "not closed" : ViewText.date(cadence.closedOn());
    }

    public String getNextCycle() {
        return cadence.nextCycleKey() == null || cadence.nextCycleKey().isEmpty() ? "none yet" : cadence.nextCycleKey();
    }

    public List<String> getNextScope() {
        return cadence.nextScope() == null ? List.of() : cadence.nextScope();
    }
}
