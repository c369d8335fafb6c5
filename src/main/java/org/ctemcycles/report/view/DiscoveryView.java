package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.finding.SourceKind;

import java.util.Arrays;
import java.util.List;

/** The discovery coverage record: every run that fed the cycle, and the surface by source-kind coverage matrix. */
public final class DiscoveryView {

    private final List<DiscoveryRun> runs;
    private final CoverageMatrix coverage;

    public DiscoveryView(List<DiscoveryRun> runs, CoverageMatrix coverage) {
        this.runs = List.copyOf(runs);
        this.coverage = coverage;
    }

    public List<RunView> getRuns() {
        return runs.stream().map(RunView::new).toList();
    }

    /** The matrix's columns, in the order of every row's cells. */
    public List<String> getSourceKinds() {
        return Arrays.stream(SourceKind.values()).map(SourceKind::label).toList();
    }

    public List<CoverageRowView> getCoverage() {
        return coverage == null ? List.of() : coverage.rows().stream().map(CoverageRowView::new).toList();
    }

    /** When the matrix was computed. */
    public String getCoverageAsOf() {
        return coverage == null ? "" : ViewText.instant(coverage.asOf());
    }

    /** Coverage older than this many days shows as stale. */
    public long getStaleAfterDays() {
        return coverage == null ? 0 : coverage.staleAfter().toDays();
    }
}
