package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.report.chart.Chart;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the evidence pack's template ({@value EvidencePackView#TEMPLATE}) is given, in one place for every renderer
 * (the command's files, Jira's downloads and print version, the report view, the frozen report): {@code $pack} (the
 * pack's views, framed, with the report's charts) and {@code $i18n} (the app's words).
 */
public final class ReportContext {

    private ReportContext() {
    }

    /**
     * @param facts counts the pack does not hold itself, for two of the charts: findings by surface and the queue's
     *              score distribution ({@link ChartFacts#none()} leaves those charts out)
     */
    public static Map<String, Object> of(EvidencePack pack, ReportFrame frame, Messages i18n, ChartFacts facts) {
        Map<String, Object> context = new HashMap<>();
        context.put("pack", new EvidencePackView(pack, frame, charts(pack, i18n, facts)));
        context.put("i18n", i18n);
        return context;
    }

    /** The report's charts: findings by tier, the register by status and against deadlines, burn-down, coverage. */
    static List<Chart> charts(EvidencePack pack, Messages i18n, ChartFacts facts) {
        CycleCharts charts = new CycleCharts(i18n);
        LocalDate today = LocalDate.ofInstant(pack.generatedAt(), ZoneOffset.UTC);
        Iterable<RegisterEntry> entries = () -> new Iterator<>() {
            private final Iterator<RegisterItem> items = pack.register().iterator();

            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public RegisterEntry next() {
                return items.next().entry();
            }
        };
        Map<String, String> names = new HashMap<>();
        pack.surfaces().forEach(surface -> names.put(surface.key(), surface.name()));
        return charts.all(pack.metrics(), facts.bySurface(), names, RegisterSummary.of(entries, today, 0),
                pack.checkpoints().held(), pack.coverage(), facts.scoreDeciles());
    }

    /** Counts for the charts that the pack does not carry: findings by surface key, queue scores by ten points. */
    public record ChartFacts(Map<String, Integer> bySurface, long[] scoreDeciles) {

        public static ChartFacts none() {
            return new ChartFacts(null, null);
        }
    }
}
