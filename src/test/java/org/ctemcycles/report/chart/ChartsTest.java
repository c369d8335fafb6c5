package org.ctemcycles.report.chart;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.report.view.CycleCharts;
import org.ctemcycles.report.view.Messages;
import org.ctemcycles.testing.PropertiesI18n;
import org.junit.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The server-side charts: well-formed SVG with a title and description for screen readers, text from the record
 * escaped, the table beside each chart holding the numbers drawn, and every word from the i18n bundle (the bundle
 * here fails on a missing key).
 */
public class ChartsTest {

    private final CycleCharts charts = new CycleCharts(new Messages(new PropertiesI18n()::getText));

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void hostileSurfaceNamesAreEscapedInTheSvgAndTheTableHoldsTheNumbers() throws Exception {
        String hostile = "<script>alert(1)</script>";
        Chart chart = charts.bySurface(Map.of("web", 7, "api", 3, "", 2), Map.of("web", hostile, "api", "API"));
        assertFalse(chart.getSvgHtml(), chart.getSvgHtml().contains(hostile));
        Document svg = parse(chart.getSvgHtml());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(chart.getTitle(), svg.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(svg.getElementsByTagName("desc").getLength() > 0);
        assertEquals(List.of(hostile, "API", "Outside every surface"),
                chart.getRows().stream().map(ChartRow::getLabel).toList());
        assertEquals(List.of("7"), chart.getRows().get(0).getValues());
        assertFalse(chart.isEmpty());
    }

    @Test
    public void everyChartDrawsFromTheBundleAndAnEmptyOneSaysSo() throws Exception {
        Chart status = charts.byStatus(Map.of(FindingStatus.OPEN, 4, FindingStatus.VERIFIED, 1));
        parse(status.getSvgHtml());
        assertEquals(FindingStatus.values().length, status.getRows().size());
        assertEquals("Open", status.getRows().get(0).getLabel());
        Chart sla = charts.sla(0, 0, 0);
        assertTrue(sla.isEmpty());
        Chart scores = charts.scores(new long[]{1, 0, 0, 0, 0, 0, 0, 0, 2, 5});
        parse(scores.getSvgHtml());
        assertEquals("90–100", scores.getRows().get(0).getLabel());
        assertEquals(List.of("5"), scores.getRows().get(0).getValues());
        parse(charts.byTier(Map.of("CRITICAL", 3)).getSvgHtml());
        parse(charts.coverage(null).getSvgHtml());
    }
}
