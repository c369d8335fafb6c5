package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.CoverageMatrix;

import java.util.List;

/** One surface's row of the coverage matrix: a cell per source kind, in the column order of the matrix. */
public final class CoverageRowView {

    private final CoverageMatrix.Row row;

    public CoverageRowView(CoverageMatrix.Row row) {
        this.row = row;
    }

    public String getSurfaceKey() {
        return row.surfaceKey();
    }

    public String getSurfaceName() {
        return row.surfaceName();
    }

    public List<CoverageCellView> getCells() {
        return row.cells().stream().map(CoverageCellView::new).toList();
    }
}
