package org.ctemcycles.jira.admin;

import org.ctemcycles.report.view.ReportFrame;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * A cycle's page over real HTTP with a cycle larger than a page ({@link CycleReportPageTest#seed}: 120 findings):
 * the register, the queue and the validations are paged on the server, the register is counted and narrowed by
 * status with overdue entries flagged, the coverage grid and the checkpoints show, every word from the bundle; the
 * lead actions' forms are offered to leads only, and validations (evidence) to those who may read the evidence.
 */
public class CyclePageSectionsTest {

    private static final String CYCLE = CycleReportPageTest.CYCLE;
    private static final String PAGE = "CtemCycle.jspa?key=" + CYCLE;
    private static final String REGISTER_ROW = "<tr data-finding=\"F-";

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    private PageHarness pages;

    @Before
    public void seed() {
        pages = new PageHarness(api);
        seed(api);
    }

    /** The report page's cycle, with a surface whose rule takes in every host of the seeded report. */
    static void seed(RestHarness api) {
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"" + CYCLE + "\",\"name\":\"Q4 payments\","
                + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"SEC\"}").status());
        RestHarness.Reply surface = api.post("lead", "/cycles/" + CYCLE + "/surfaces", "{\"key\":\"PAY\",\"name\":"
                + "\"Payments web\",\"kind\":\"customer-facing-system\",\"businessOwner\":\"payments-team\","
                + "\"criticality\":\"high\",\"exposure\":\"internet-facing\",\"successCriterion\":\"no KEV open\","
                + "\"rules\":[\"host:*.pay.example\"]}");
        assertEquals(surface.toString(), 201, surface.status());
        CycleReportPageTest.importFindings(api, "PAY");
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    private static String section(String html, String from, String to) {
        int start = html.indexOf(from);
        int end = html.indexOf(to, start);
        assertTrue(html, start >= 0 && end > start);
        return html.substring(start, end);
    }

    @Test
    public void theRegisterIsPagedCountedAndNarrowedByStatus() {
        String first = pages.get("lead", PAGE).body();
        String register = section(first, "id=\"ctem-register\"", "id=\"ctem-validations\"");
        assertEquals(ReportFrame.PAGE_SIZE, count(register, REGISTER_ROW));
        assertTrue(register, register.contains(CycleReportPageTest.FINDINGS + " findings in the register, 0 overdue."));
        assertTrue(register, register.contains(">Open: " + CycleReportPageTest.FINDINGS + "</a>"));
        Matcher next = Pattern.compile("href=\"(CtemCycle\\.jspa\\?key=" + CYCLE
                + "&amp;section=ctem-register&amp;after=\\d+)#ctem-register\"").matcher(register);
        assertTrue(register, next.find());
        String second = pages.get("lead", next.group(1).replace("&amp;", "&")).body();
        String rest = section(second, "id=\"ctem-register\"", "id=\"ctem-validations\"");
        assertEquals(CycleReportPageTest.FINDINGS - ReportFrame.PAGE_SIZE, count(rest, REGISTER_ROW));
        assertTrue(rest.contains(">First page</a>"));

        String resolved = pages.get("lead", PAGE + "&status=resolved").body();
        assertTrue(resolved.contains("id=\"ctem-no-register\""));
        assertTrue(resolved.contains("<strong>Open: " + CycleReportPageTest.FINDINGS + "</strong>") == false);
    }

    @Test
    public void theQueueShowsRankTierDeadlineAndRationaleAPageAtATimeAndOverdueEntriesAreFlagged() {
        String before = pages.get("lead", PAGE).body();
        assertTrue(before.contains("id=\"ctem-no-queue\""));
        RestHarness.Reply ranked = api.post("lead", "/cycles/" + CYCLE + "/queue", "{}");
        assertEquals(ranked.toString(), 200, ranked.status());
        String html = pages.get("lead", PAGE).body();
        String queue = section(html, "id=\"ctem-queue-table\"", "</table>");
        assertEquals(ReportFrame.PAGE_SIZE, count(queue, "<tr data-finding="));
        assertTrue(queue, queue.contains("<td>1</td>"));
        assertTrue("the lead may select findings to mobilise", queue.contains("form=\"ctem-mobilise-form\""));
        assertTrue(html.contains("section=ctem-queue&amp;after=" + ReportFrame.PAGE_SIZE));

        String finding = api.get("lead", "/cycles/" + CYCLE + "/register?limit=1").json().getAsJsonObject()
                .getAsJsonArray("items").get(0).getAsJsonObject().get("finding").getAsString();
        RestHarness.Reply mobilised = api.post("lead", "/cycles/" + CYCLE + "/register/mobilise", "{\"findings\":[\""
                + finding + "\"],\"owner\":\"payments-team\",\"deadline\":\"2026-10-20\",\"verificationStep\":\"rescan\"}");
        assertEquals(mobilised.toString(), 200, mobilised.status());
        String overdue = pages.get("lead", PAGE).body();
        assertTrue(overdue, overdue.contains("findings in the register, 1 overdue."));
        assertTrue(overdue.contains("<tr data-finding=\"" + finding + "\" class=\"ctem-overdue\">"));
    }

    @Test
    public void leadsGetTheActionsAuditorsReadEverythingAndChangeNothingEngineersAreToldWhereValidationsAre() {
        String lead = pages.get("lead", PAGE).body();
        for (String form : new String[]{"ctem-surface-form", "ctem-import-form", "ctem-feed-form",
                "ctem-prioritise-form", "ctem-accept-form", "ctem-validation-form", "ctem-checkpoint-form",
                "ctem-close-form", "ctem-scope-form"}) {
            assertTrue(form, lead.contains("id=\"" + form + "\""));
        }
        assertTrue(lead.contains("data-ctem-path=\"cycles/" + CYCLE + "/imports\""));
        assertTrue(lead.contains("<script src=\"/ctem-resources/js/ctem-cycle.js\""));
        String coverage = section(lead, "id=\"ctem-coverage\"", "</table>");
        assertTrue(api.get("lead", "/cycles/" + CYCLE + "/coverage").body() + coverage,
                coverage.contains("<td class=\"ctem-cell-covered\"><span class=\"aui-lozenge ctem-coverage-covered\">"));
        assertTrue(coverage.contains("<th scope=\"row\">PAY: Payments web</th>"));
        assertTrue(lead.contains("id=\"ctem-no-validations\""));
        assertTrue(lead.contains("<table class=\"aui\" id=\"ctem-checkpoints-table\">"));

        HttpResponse<String> auditor = pages.get("auditor", PAGE);
        assertEquals(200, auditor.statusCode());
        assertFalse("nothing offered", auditor.body().contains("<form"));
        assertFalse(auditor.body().contains("<input"));
        assertTrue(auditor.body().contains("id=\"ctem-no-validations\""));
        assertTrue(auditor.body().contains("id=\"ctem-register-table\""));

        String engineer = pages.get("engineer", PAGE).body();
        assertFalse(engineer.contains("<form"));
        assertTrue(engineer.contains("id=\"ctem-validations-hidden\""));
        assertFalse("every word from the bundle", lead.contains("ctem.cyclePage.") || engineer.contains("ctem.cyclePage."));
    }

    @Test
    public void theSuccessMessageNamesOnlyKnownActions() {
        assertTrue(pages.get("lead", PAGE + "&done=prioritise").body()
                .contains("The register was prioritised: the queue below is the new ranking."));
        String unknown = pages.get("lead", PAGE + "&done=%3Cscript%3E").body();
        assertFalse(unknown.contains("id=\"ctem-done\""));
        for (String done : CyclePageAction.DONE) {
            new org.ctemcycles.testing.PropertiesI18n().getText("ctem.cyclePage.done." + done);
        }
    }

    @Test
    public void theProjectsSidebarPageListsItsCyclesWithWorkLeftAndTheNextCheckpoint() {
        String html = pages.get("lead", "CtemProjectCycles.jspa?projectKey=SEC").body();
        String row = section(html, "<tr data-cycle-key=\"" + CYCLE + "\">", "</tr>");
        assertTrue(row, row.contains("<td class=\"ctem-open\">" + CycleReportPageTest.FINDINGS + "</td>"));
        assertTrue(row, row.contains("<td>2026-11-02</td>") || row.contains("<td>2026-11-12</td>"));
        assertTrue(row, row.contains("href=\"CtemCycle.jspa?key=" + CYCLE + "\""));
        assertTrue(html.contains("id=\"ctem-open-cycle\""));
        String engineer = pages.get("engineer", "CtemProjectCycles.jspa?projectKey=SEC").body();
        assertTrue(engineer.contains("<tr data-cycle-key=\"" + CYCLE + "\">"));
        assertFalse(engineer.contains("id=\"ctem-open-cycle\""));
        assertEquals(403, pages.get("outsider", "CtemProjectCycles.jspa?projectKey=SEC").statusCode());
        assertEquals(403, pages.get("lead", "CtemProjectCycles.jspa?projectKey=NOPE").statusCode());
    }
}
