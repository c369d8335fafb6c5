package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.CoverageState;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.report.chart.Chart;
import org.ctemcycles.report.chart.Charts;
import org.ctemcycles.report.chart.Fill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The charts of the cycle page and the report, drawn from the record's counts with the app's words
 * ({@link Messages}): findings by tier and by surface, the register by status and against its deadlines, the register
 * at each checkpoint, the coverage grid and the queue's score distribution. The chart ids are the same on both, so a
 * page holds each once.
 */
public final class CycleCharts {

    /** Surfaces drawn one by one; the rest share one bar. */
    static final int SURFACE_BARS = 10;

    private final Messages text;

    public CycleCharts(Messages text) {
        this.text = text;
    }

    /**
     * Every chart of a cycle, in the order the cycle page and the report show them: findings by tier and by surface,
     * the register by status and against its deadlines, the register at each checkpoint and now, coverage, the
     * queue's scores. The page and the report both draw them here, so they show the same charts.
     *
     * @param bySurface    findings by surface key, or null to leave that chart out
     * @param surfaceNames the surfaces' names by key
     * @param scoreDeciles the current queue's scores by ten points, or null to leave that chart out
     */
    public List<Chart> all(MetricsSnapshot now, Map<String, Integer> bySurface, Map<String, String> surfaceNames,
                           RegisterSummary register, List<Checkpoint> held, CoverageMatrix coverage,
                           long[] scoreDeciles) {
        List<Chart> list = new ArrayList<>();
        list.add(byTier(now.byTier()));
        if (bySurface != null) {
            list.add(bySurface(bySurface, surfaceNames));
        }
        list.add(byStatus(register.byStatus()));
        list.add(sla(register.onTime(), register.overdue(), register.unassigned()));
        list.add(burnDown(held, now));
        list.add(coverage(coverage));
        if (scoreDeciles != null) {
            list.add(scores(scoreDeciles));
        }
        return list;
    }

    /** Findings by the tier of their current decision ("unranked" for those without one). */
    public Chart byTier(Map<String, Integer> byTier) {
        List<Charts.Bar> bars = new ArrayList<>();
        Fill[] fills = {Fill.DARK, Fill.HATCHED, Fill.DOTTED, Fill.LIGHT};
        for (Tier tier : Tier.values()) {
            bars.add(new Charts.Bar(text.getText("ctem.tier." + tier.name()), byTier.getOrDefault(tier.name(), 0),
                    fills[tier.ordinal()]));
        }
        bars.add(new Charts.Bar(text.getText("ctem.tier.unranked"), byTier.getOrDefault(MetricsSnapshot.UNRANKED, 0),
                Fill.LIGHT));
        return Charts.bars("ctem-chart-tier", text.getText("ctem.chart.tier.title"),
                text.getText("ctem.chart.tier.description"), text.getText("ctem.chart.tier.category"),
                text.getText("ctem.chart.findings"), bars);
    }

    /** The register's entries by status. */
    public Chart byStatus(Map<FindingStatus, Integer> byStatus) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (FindingStatus status : FindingStatus.values()) {
            bars.add(new Charts.Bar(text.getText("ctem.status." + status.name()), byStatus.getOrDefault(status, 0),
                    statusFill(status)));
        }
        return Charts.bars("ctem-chart-status", text.getText("ctem.chart.status.title"),
                text.getText("ctem.chart.status.description"), text.getText("ctem.chart.status.category"),
                text.getText("ctem.chart.findings"), bars);
    }

    /** Findings by surface, the largest first; {@value #SURFACE_BARS} bars, then one for the rest. */
    public Chart bySurface(Map<String, Integer> counts, Map<String, String> surfaceNames) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Charts.Bar> bars = new ArrayList<>();
        long rest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Integer> entry = sorted.get(i);
            if (i >= SURFACE_BARS) {
                rest += entry.getValue();
                continue;
            }
            String label = entry.getKey().isEmpty() ? text.getText("ctem.chart.surface.none")
                    : surfaceNames.getOrDefault(entry.getKey(), entry.getKey());
            bars.add(new Charts.Bar(label, entry.getValue(), entry.getKey().isEmpty() ? Fill.LIGHT : Fill.HATCHED));
        }
        if (rest > 0) {
            bars.add(new Charts.Bar(text.getText("ctem.chart.surface.other"), rest, Fill.DOTTED));
        }
        return Charts.bars("ctem-chart-surface", text.getText("ctem.chart.surface.title"),
                text.getText("ctem.chart.surface.description"), text.getText("ctem.chart.surface.category"),
                text.getText("ctem.chart.findings"), bars);
    }

    /** The work the register still needs, against its deadlines: on time, overdue (SLA breaches), no deadline. */
    public Chart sla(int onTime, int overdue, int unassigned) {
        return Charts.bars("ctem-chart-sla", text.getText("ctem.chart.sla.title"),
                text.getText("ctem.chart.sla.description"), text.getText("ctem.chart.sla.category"),
                text.getText("ctem.chart.findings"), List.of(
                        new Charts.Bar(text.getText("ctem.chart.sla.onTime"), onTime, Fill.DARK),
                        new Charts.Bar(text.getText("ctem.chart.sla.overdue"), overdue, Fill.WARNING),
                        new Charts.Bar(text.getText("ctem.chart.sla.unassigned"), unassigned, Fill.LIGHT)));
    }

    /**
     * The register at each checkpoint held, and now: work still open, fixed and waiting for a retest, risk accepted,
     * and closed (verified or dismissed), stacked; a burn-down reads as the open part shrinking.
     */
    public Chart burnDown(List<Checkpoint> held, MetricsSnapshot now) {
        List<Charts.Column> columns = new ArrayList<>();
        held.stream().sorted(Comparator.comparing(Checkpoint::heldOn))
                .forEach(checkpoint -> columns.add(new Charts.Column(checkpoint.heldOn().toString(),
                        groups(checkpoint.metrics()))));
        if (now != null) {
            columns.add(new Charts.Column(text.getText("ctem.chart.burndown.now"), groups(now)));
        }
        return Charts.stacked("ctem-chart-burndown", text.getText("ctem.chart.burndown.title"),
                text.getText("ctem.chart.burndown.description"), text.getText("ctem.chart.burndown.category"),
                text.getText("ctem.chart.findings"), text.getText("ctem.chart.total"),
                List.of(text.getText("ctem.chart.burndown.open"), text.getText("ctem.chart.burndown.resolved"),
                        text.getText("ctem.chart.burndown.accepted"), text.getText("ctem.chart.burndown.closed")),
                List.of(Fill.WARNING, Fill.DOTTED, Fill.HATCHED, Fill.DONE), columns);
    }

    private static long[] groups(MetricsSnapshot metrics) {
        return new long[]{
                metrics.status(FindingStatus.OPEN) + metrics.status(FindingStatus.IN_PROGRESS)
                        + metrics.status(FindingStatus.REOPENED),
                metrics.status(FindingStatus.RESOLVED),
                metrics.status(FindingStatus.RISK_ACCEPTED),
                metrics.status(FindingStatus.VERIFIED) + metrics.status(FindingStatus.FALSE_POSITIVE)};
    }

    /** Coverage by surface and source kind: covered, stale or never, as a grid. */
    public Chart coverage(CoverageMatrix matrix) {
        List<String> kinds = Arrays.stream(SourceKind.values()).map(k -> text.getText("ctem.sourceKind." + k.name()))
                .toList();
        List<Charts.GridRow> rows = new ArrayList<>();
        if (matrix != null) {
            for (CoverageMatrix.Row row : matrix.rows()) {
                List<Charts.GridCell> cells = new ArrayList<>();
                for (SourceKind kind : SourceKind.values()) {
                    cells.add(cell(row.cell(kind).state()));
                }
                rows.add(new Charts.GridRow(row.surfaceName().isEmpty() ? row.surfaceKey() : row.surfaceName(), cells));
            }
        }
        return Charts.grid("ctem-chart-coverage", text.getText("ctem.chart.coverage.title"),
                text.getText("ctem.chart.coverage.description"), text.getText("ctem.chart.coverage.category"), kinds,
                rows, List.of(cell(CoverageState.COVERED), cell(CoverageState.STALE), cell(CoverageState.NEVER)));
    }

    private Charts.GridCell cell(CoverageState state) {
        Fill fill = switch (state) {
            case COVERED -> Fill.DONE;
            case STALE -> Fill.WARNING;
            case NEVER -> Fill.LIGHT;
        };
        return new Charts.GridCell(text.getText("ctem.coverage." + state.name()), fill);
    }

    /** The current queue's decisions by score, in bands of ten points. */
    public Chart scores(long[] deciles) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (int band = 9; band >= 0; band--) {
            String label = band == 9 ? "90–100" : band * 10 + "–" + (band * 10 + 9.9);
            Fill fill = band >= 8 ? Fill.DARK : band >= 6 ? Fill.HATCHED : band >= 3 ? Fill.DOTTED : Fill.LIGHT;
            bars.add(new Charts.Bar(label, band < deciles.length ? deciles[band] : 0, fill));
        }
        return Charts.bars("ctem-chart-scores", text.getText("ctem.chart.scores.title"),
                text.getText("ctem.chart.scores.description"), text.getText("ctem.chart.scores.category"),
                text.getText("ctem.chart.decisions"), bars);
    }

    private static Fill statusFill(FindingStatus status) {
        return switch (status) {
            case OPEN, REOPENED -> Fill.WARNING;
            case IN_PROGRESS -> Fill.HATCHED;
            case RESOLVED -> Fill.DOTTED;
            case VERIFIED -> Fill.DONE;
            case RISK_ACCEPTED -> Fill.DARK;
            case FALSE_POSITIVE -> Fill.LIGHT;
        };
    }
}
