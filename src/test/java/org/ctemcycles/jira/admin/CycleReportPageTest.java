package org.ctemcycles.jira.admin;

import com.google.gson.Gson;
import org.ctemcycles.report.view.ReportFrame;
import org.ctemcycles.testing.MultipartBody;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The cycle report view and the cycles page over real HTTP, served by {@link PageHarness} with the real action, the
 * real record and Velocity configured like Jira's: who may read the report, its paging of long sections, inert
 * hostile text, no state change on offer, and the XSRF token on the cycles page's form.
 */
public class CycleReportPageTest {

    static final String CYCLE = "CTEM-2026-Q4";
    static final String HOSTILE = "<script>alert('pwn')</script> in the login form";
    /** More findings than one page of the report view holds. */
    static final int FINDINGS = ReportFrame.PAGE_SIZE + 20;

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    private PageHarness pages;

    @Before
    public void cycleWithManyFindings() {
        pages = new PageHarness(api);
        seed(api);
    }

    /** A cycle in project SEC with {@link #FINDINGS} findings, one of them with a hostile title. */
    static void seed(RestHarness api) {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"Q4 payments\","
                + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        StringBuilder report = new StringBuilder("{\"file\":\"probe.jsonl\",\"format\":\"nuclei\"}\n");
        Gson gson = new Gson();
        for (int i = 0; i < FINDINGS; i++) {
            report.append(gson.toJson(ObservationBuilder.nessus().ruleId("rule-" + i)
                    .title(i == 0 ? HOSTILE : "Finding " + i).host("web" + i + ".pay.example").build())).append('\n');
        }
        Reply imported = api.send("lead", MultipartBody.post(api.request("/cycles/" + CYCLE + "/imports"),
                new MultipartBody().file("probe.jsonl", report.toString().getBytes(StandardCharsets.UTF_8)).bytes()));
        assertEquals(imported.toString(), 200, imported.status());
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    public void anAuditorReadsTheReportInsideJirasPageWithHostileTextInertAndNothingToChange() {
        HttpResponse<String> page = pages.get("auditor", "CtemCycleReport.jspa?key=" + CYCLE);
        assertEquals(page.body(), 200, page.statusCode());
        String html = page.body();
        assertTrue(html, html.contains("<section class=\"ctem-page\" id=\"ctem-report-view\">"));
        assertTrue("embedded: no second document inside Jira's", count(html, "<html") == 1);
        assertTrue(html.contains("class=\"ctem-report\""));
        assertFalse(html, html.contains(HOSTILE));
        assertTrue(html, html.contains("&lt;script&gt;alert(&#39;pwn&#39;)&lt;/script&gt; in the login form"));
        assertFalse("read only: no form, no command", html.contains("<form"));
        assertTrue(html.contains("This report shows the live record of the cycle"));
        assertTrue(html.contains("href=\"../rest/ctem/1.0/cycles/" + CYCLE + "/evidence.json\""));
        assertTrue("charts drawn on the server", html.contains("<svg"));
        assertFalse("every word from the bundle", html.contains("ctem.report.") || html.contains("ctem.chart."));
    }

    @Test
    public void thePrintVersionIsTheWholeReportShownInTheBrowser() {
        HttpResponse<String> print = pages.send(null, HttpRequest.newBuilder(URI.create(api.base() + "/cycles/" + CYCLE
                + "/evidence.html?inline=true")).header(RestHarness.USER_HEADER, "auditor").GET());
        assertEquals(200, print.statusCode());
        assertEquals("inline; filename=\"" + CYCLE + "-evidence-pack.html\"",
                print.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("standalone: every finding, no paging", FINDINGS, count(print.body(), "<tr id=\"finding-"));
        assertFalse(print.body().contains("class=\"paging\""));
    }

    @Test
    public void longSectionsArePagedOnTheServer() {
        String first = pages.get("auditor", "CtemCycleReport.jspa?key=" + CYCLE).body();
        String findingRows = "<tr id=\"finding-";
        assertEquals(ReportFrame.PAGE_SIZE, count(first, findingRows));
        Matcher next = Pattern.compile("href=\"(CtemCycleReport\\.jspa\\?key=" + CYCLE
                + "&amp;section=finding-set&amp;after=\\d+)#finding-set\"").matcher(first);
        assertTrue(first, next.find());
        String second = pages.get("auditor", next.group(1).replace("&amp;", "&")).body();
        assertEquals(FINDINGS - ReportFrame.PAGE_SIZE, count(second, findingRows));
        assertTrue("the way back to the first page", second.contains(">First page</a>"));
    }

    @Test
    public void whoMayNotReadTheEvidenceGetsJirasPermissionPage() {
        for (String user : new String[]{"outsider", "engineer", null}) {
            HttpResponse<String> page = pages.get(user, "CtemCycleReport.jspa?key=" + CYCLE);
            assertEquals(String.valueOf(user), 403, page.statusCode());
            assertTrue(page.body().contains("id=\"permission-violation\""));
            assertFalse(page.body().contains("Finding 1"));
        }
        assertEquals(200, pages.get("lead", "CtemCycleReport.jspa?key=" + CYCLE).statusCode());
        assertEquals(200, pages.get("admin", "CtemCycleReport.jspa?key=" + CYCLE).statusCode());
    }

    @Test
    public void anUnknownCycleSaysSo() {
        String html = pages.get("auditor", "CtemCycleReport.jspa?key=NOPE-1").body();
        assertTrue(html, html.contains("id=\"ctem-report-not-found\""));
        assertTrue(html, html.contains("no CTEM cycle with key"));
    }

    @Test
    public void theReportViewChangesNothingAndRefusesPost() {
        assertEquals(405, pages.post("lead", "CtemCycleReport.jspa?key=" + CYCLE, "").statusCode());
    }

    @Test
    public void creatingACycleFromThePageNeedsTheXsrfTokenAndLinksTheReport() {
        String form = "key=CTEM-2027-Q1&name=Q1&start=2027-01-01&plannedEnd=2027-03-31&projectKey=SEC";
        HttpResponse<String> forged = pages.post("lead", "CtemCycles.jspa", form);
        assertEquals(403, forged.statusCode());
        assertEquals(404, api.get("lead", "/cycles/CTEM-2027-Q1").status());

        HttpResponse<String> created = pages.post("lead", "CtemCycles.jspa", form + "&atl_token=" + pages.token());
        assertEquals(created.body(), 302, created.statusCode());
        assertEquals(200, api.get("lead", "/cycles/CTEM-2027-Q1").status());
        String list = pages.get("lead", "CtemCycles!default.jspa").body();
        assertTrue(list, list.contains("href=\"CtemCycle.jspa?key=CTEM-2027-Q1\""));
        assertTrue(list, list.contains("name=\"atl_token\" value=\"" + pages.token() + "\""));
    }
}
