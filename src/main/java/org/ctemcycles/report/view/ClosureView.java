package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.ClosureSummary;

import java.util.List;

/** The cycle closure summary: what the cycle delivered, what it carries over, and the scope it proposes next. */
public final class ClosureView {

    private final ClosureSummary summary;

    public ClosureView(ClosureSummary summary) {
        this.summary = summary;
    }

    public String getClosedAt() {
        return ViewText.instant(summary.closedAt());
    }

    public String getClosedBy() {
        return summary.closedBy();
    }

    /** E.g. "1 finding verified", "3 findings verified". */
    public String getDeliveredText() {
        return Counted.of(summary.delivered().size(), "finding", "findings") + " verified";
    }

    /** E.g. "1 finding dismissed as a false positive". */
    public String getFalsePositivesText() {
        return Counted.of(summary.falsePositives().size(), "finding", "findings") + " dismissed as "
                + (summary.falsePositives().size() == 1 ? "a false positive" : "false positives");
    }

    /** E.g. "16 findings (accepted risks among them: 1)". */
    public String getCarriedOverText() {
        return Counted.of(summary.carriedOver().size(), "finding", "findings") + " (accepted risks among them: "
                + summary.riskAccepted() + ")";
    }

    public List<String> getDelivered() {
        return summary.delivered();
    }

    public List<String> getFalsePositives() {
        return summary.falsePositives();
    }

    public List<String> getCarriedOver() {
        return summary.carriedOver();
    }

    /** How many of the carried-over findings are accepted risks still to watch. */
    public int getRiskAccepted() {
        return summary.riskAccepted();
    }

    public List<String> getSurfaceChanges() {
        return summary.surfaceChanges();
    }

    public List<String> getNextScope() {
        return summary.nextScope();
    }

    public MetricsView getMetrics() {
        return new MetricsView(summary.metrics());
    }
}
