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

    public CadenceView(CadenceRecord cadence, CheckpointSchedule schedule, MetricsSnapshot now) {
        this.cadence = cadence;
        this.schedule = schedule;
        this.now = now;
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

    /** The cycle's metrics when the pack was generated; null when not computed. */
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
