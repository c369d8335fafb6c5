package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.CoverageMatrix;

import java.util.Locale;

/** Whether one source kind covered one surface: covered, stale or never, and when last. */
public final class CoverageCellView {

    private final CoverageMatrix.Cell cell;

    public CoverageCellView(CoverageMatrix.Cell cell) {
        this.cell = cell;
    }

    public String getState() {
        return cell.state().label();
    }

    /** "covered", "stale" or "never", for styling. */
    public String getStateClass() {
        return cell.state().name().toLowerCase(Locale.ROOT);
    }

    /** The latest scan that covered it, or "". */
    public String getLastCoveredAt() {
        return ViewText.instant(cell.lastCoveredAt());
    }
}
