package org.ctemcycles.jira.admin;

import com.google.gson.Gson;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The charts on a cycle's page, on H2 and PostgreSQL: the report's charts (the same ids and the same numbers in
 * their tables as the report view shows), each an SVG beside its table, every word from the bundle; and what they
 * cost: the page of a cycle of 1,000 findings runs as many SQL statements as the page of a cycle of one, but for the
 * register's keyset pages of {@value org.ctemcycles.core.evidence.RecordPages#MAX_LIMIT} entries, which the page
 * reads once (its counts by status and the charts' metrics come from the same pass).
 */
@RunWith(Parameterized.class)
public class CyclePageChartsTest {

    private static final String SMALL = "CTEM-S";
    private static final String LARGE = "CTEM-L";
    private static final int MANY = 1_000;
    private static final List<String> CHARTS = List.of("ctem-chart-tier", "ctem-chart-surface", "ctem-chart-status",
            "ctem-chart-sla", "ctem-chart-burndown", "ctem-chart-coverage", "ctem-chart-scores");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final CountingDataSource counting = new CountingDataSource();
    private final TestDatabase database;
    @Rule
    public final RestHarness api;
    private PageHarness pages;

    public CyclePageChartsTest(TestDatabase database) {
        this.database = database;
        api = new RestHarness(database, EmbeddedDatabase.Options.app().withDataSourceWrapper(counting::wrap),
                Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    }

    @Before
    public void twoCycles() {
        pages = new PageHarness(api);
        seed(SMALL, 1);
        seed(LARGE, MANY);
    }

    /** A cycle with a surface, {@code findings} findings on it, ranked once, and a checkpoint held. */
    private void seed(String key, int findings) {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + key + "\",\"name\":\"Charts " + findings
                + "\",\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        assertEquals(201, api.post("lead", "/cycles/" + key + "/surfaces", "{\"key\":\"PAY\",\"name\":"
                + "\"Payments web\",\"kind\":\"customer-facing-system\",\"businessOwner\":\"payments-team\","
                + "\"criticality\":\"high\",\"exposure\":\"internet-facing\",\"successCriterion\":\"no KEV open\","
                + "\"rules\":[\"host:*.pay.example\"]}").status());
        StringBuilder report = new StringBuilder("{\"file\":\"probe.jsonl\",\"format\":\"nessus\"}\n");
        Gson gson = new Gson();
        for (int i = 0; i < findings; i++) {
            report.append(gson.toJson(ObservationBuilder.nessus().ruleId("rule-" + i).title("Finding " + i)
                    .host("web" + i + ".pay.example").build())).append('\n');
        }
        try {
            api.services().record().imports(ImportLimits.defaults()).read("probe.jsonl",
                    new ByteArrayInputStream(report.toString().getBytes(StandardCharsets.UTF_8)),
                    new ReportImport.Options(key, null, null, List.of("PAY"), null, "ctem-jsonl", "lead"));
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
        while (!api.get("lead", "/cycles/" + key + "/stage").json().getAsJsonObject().get("stage").getAsString()
                .equalsIgnoreCase("prioritisation")) {
            RestHarness.Reply advanced = api.post("lead", "/cycles/" + key + "/stage",
                    "{\"override\":{\"reason\":\"set up by the test\"}}");
            assertEquals(advanced.toString(), 200, advanced.status());
        }
        RestHarness.Reply ranked = api.post("lead", "/cycles/" + key + "/queue", "{}");
        assertEquals(ranked.toString(), 200, ranked.status());
        RestHarness.Reply held = api.post("lead", "/cycles/" + key + "/checkpoints", "{\"notes\":\"first\"}");
        assertEquals(held.toString(), 200, held.status());
    }

    private String page(String user, String key) {
        HttpResponse<String> page = pages.get(user, "CtemCycle.jspa?key=" + key);
        assertEquals(page.body(), 200, page.statusCode());
        return page.body();
    }

    @Test
    public void theCyclePageShowsTheReportsChartsEachBesideItsTable() {
        String html = page("engineer", LARGE);
        String report = pages.get("lead", "CtemCycleReport.jspa?key=" + LARGE).body();
        for (String chart : CHARTS) {
            String figure = figure(html, chart);
            assertTrue(chart, figure.contains("<svg") && figure.contains("role=\"img\""));
            assertTrue(chart + ": a table beside it", figure.contains("<caption") && figure.contains("<th scope=\"row\">"));
            assertEquals(chart + ": the report's numbers", cells(figure(report, chart)), cells(figure));
        }
        assertTrue("every finding by tier or unranked",
                cells(figure(html, "ctem-chart-tier")).stream().mapToInt(CyclePageChartsTest::number).sum() == MANY);
        assertTrue(figure(html, "ctem-chart-surface").contains("Payments web"));
        assertFalse("every word from the bundle", html.contains("ctem.chart.") || html.contains("ctem.report."));
    }

    @Test
    public void theChartsCostTheSameStatementsWhateverTheCyclesSize() {
        page("lead", SMALL);
        counting.reset();
        page("lead", SMALL);
        int small = counting.count();
        List<String> smallSql = counting.statements();
        counting.reset();
        page("lead", LARGE);
        int large = counting.count();
        List<String> largeSql = counting.statements();
        // the register read once, 500 entries a page (and one beyond, to know more follow): 1 page and 2 pages
        int registerPages = 2 - 1;
        assertEquals("statements of the page of 1 finding " + smallSql + "\nand of " + MANY + " findings "
                + largeSql, small + registerPages, large);
        System.out.printf("[ctem] %s: the cycle page with its charts ran %d statements for 1 finding, %d for %,d%n",
                database, small, large, MANY);
    }

    private static String figure(String html, String id) {
        int start = html.indexOf("<figure class=\"ctem-chart\" id=\"" + id + "\"");
        if (start < 0) {
            start = html.indexOf("<figure class=\"chart\" id=\"" + id + "\"");
        }
        assertTrue(id + " in " + html, start >= 0);
        return html.substring(start, html.indexOf("</figure>", start));
    }

    /** A chart table's rows, as "label: value value ...". */
    private static List<String> cells(String figure) {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>").matcher(figure);
        while (row.find()) {
            rows.add(row.group(1) + ":" + row.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        assertFalse(figure, rows.isEmpty());
        return rows;
    }

    private static int number(String row) {
        String[] parts = row.trim().split(" ");
        return Integer.parseInt(parts[parts.length - 1].replace(",", ""));
    }
}
