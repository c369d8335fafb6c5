package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.finding.FindingStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A metrics snapshot in words: findings by stage reached, by tier and by status, SLA breaches and coverage. */
public final class MetricsView {

    private static final String[] STAGES = {MetricsSnapshot.DISCOVERED, MetricsSnapshot.PRIORITISED,
            MetricsSnapshot.VALIDATED, MetricsSnapshot.MOBILISED, MetricsSnapshot.CLOSED};

    private final MetricsSnapshot metrics;

    public MetricsView(MetricsSnapshot metrics) {
        this.metrics = metrics;
    }

    /** E.g. "discovered 12, prioritised 10, validated 3, mobilised 5, closed 2". */
    public String getByStage() {
        List<String> parts = new ArrayList<>();
        for (String stage : STAGES) {
            parts.add(stage + " " + metrics.stage(stage));
        }
        return String.join(", ", parts);
    }

    /** E.g. "CRITICAL 2, HIGH 3, unranked 1", or "none". */
    public String getByTier() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(metrics.byTier()).forEach((tier, count) -> parts.add(tier + " " + count));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** E.g. "Open 4, In progress 2, Verified 1", or "none". */
    public String getByStatus() {
        List<String> parts = new ArrayList<>();
        for (FindingStatus status : FindingStatus.values()) {
            if (metrics.status(status) != 0) {
                parts.add(status.label() + " " + metrics.status(status));
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Open findings past their deadline. */
    public int getSlaBreaches() {
        return metrics.slaBreaches();
    }

    /** E.g. "3 of 4 scoped surfaces covered". */
    public String getCoverage() {
        return metrics.surfacesCovered() + " of " + metrics.surfacesInScope() + " scoped surfaces covered";
    }
}
