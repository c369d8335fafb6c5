package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import org.ctemcycles.jira.admin.PageHarness;
import org.ctemcycles.jira.jql.QueueFunction;
import org.ctemcycles.report.view.PrioritisationPanelView;
import org.ctemcycles.testing.Chromium;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The prioritisation panel and a search result page in headless Chromium with Atlassian's AUI styles (from
 * target/ui-vendor; AUI's scripts are left out, as in the pages' browser test: they need the jQuery that Jira brings,
 * and the panel has no script): the panel rendered from the record through Velocity configured as Jira's, placed in the
 * right column of a stand-in for Jira's issue view; the issues {@code ctemQueue} returns listed in the shape of
 * Jira's issue navigator with the CTEM columns. Each page loads without a console error, passes axe-core without
 * serious or critical violations, keeps the hostile finding title as text (no element, attribute or alert comes of
 * it), and is kept as a full-page PNG under target/screenshots/.
 */
public class IssueViewBrowserTest {

    private static final Path PAGES = Path.of("target", "browser-pages");

    private final FakeJira jira = new FakeJira();
    private final JiraVelocity velocity = new JiraVelocity(Descriptor.load().allowlist());
    private PanelScenario scenario;
    private Chromium chromium;
    private ChromeDriver browser;

    @BeforeClass
    public static void findChromium() throws Exception {
        Chromium.assumeInstalled();
    }

    @Before
    public void open() throws Exception {
        scenario = new PanelScenario(TestDatabase.h2(), jira, 12);
        scenario.clock.setDay("2026-11-20");
        chromium = Chromium.start();
        browser = chromium.driver();
        Files.createDirectories(PAGES);
    }

    @After
    public void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    public void thePanelInTheIssueViewReadsWellAndKeepsHostileTextInert() throws IOException {
        String panel = scenario.render(jira.engineer, PanelScenario.issue(10100, scenario.mobilised.trackerIssue()));
        assertTrue(panel, panel.contains("id=\"ctem-prioritisation-panel\""));
        load("issue-view.html", shell("[" + scenario.mobilised.trackerIssue() + "] Log4Shell on api.pay.example.com",
                issueView(scenario.mobilised.trackerIssue(), panel)));

        WebElement rendered = browser.findElement(By.id("ctem-prioritisation-panel"));
        assertTrue(rendered.isDisplayed());
        assertTrue("the panel sits in the right column",
                rendered.getLocation().getX() > browser.findElement(By.id("ctem-issue-details")).getLocation().getX());
        assertTrue(rendered.getText(), rendered.getText().contains("Rank 1 of 13 in " + PanelScenario.CYCLE));
        assertTrue(rendered.getText(), rendered.getText().toLowerCase().contains("10 days left")); // AUI upper-cases lozenges
        assertFalse("AUI styles the factor table (no AUI stylesheet loaded?)", browser.findElement(
                By.cssSelector("#ctem-panel-factors th")).getCssValue("font-weight").equals("400")
                && browser.findElement(By.id("ctem-panel-tier")).getCssValue("background-color")
                .equals("rgba(0, 0, 0, 0)"));
        assertInert("#ctem-prioritisation-panel", PanelScenario.HOSTILE_TITLE, PanelScenario.HOSTILE_STEP,
                PanelScenario.HOSTILE_REASON);
        assertEquals(List.of(), chromium.consoleErrors());
        chromium.checkAccessibility("issue view with the prioritisation panel");
        chromium.screenshot("issue-view-panel");
        chromium.screenshot(By.id("ctem-panel-module"), "prioritisation-panel");
    }

    @Test
    public void theSearchResultPageListsTheQueueTopWithTheCtemColumns() throws IOException {
        jira.grantBrowse(jira.engineer, jira.sec);
        IssueManager issues = mock(IssueManager.class);
        Map<Long, String> keys = new HashMap<>();
        for (String key : List.of("SEC-1", "SEC-2")) {
            MutableIssue issue = mock(MutableIssue.class);
            long id = 10_000 + Long.parseLong(key.substring(4));
            when(issue.getId()).thenReturn(id);
            when(issue.getKey()).thenReturn(key);
            when(issue.getProjectObject()).thenReturn(jira.sec);
            when(issues.getIssueObject(key)).thenReturn(issue);
            when(issues.getIssueObject(id)).thenReturn(issue);
            keys.put(id, key);
        }
        QueueFunction queue = new QueueFunction(scenario.services, scenario.permissions, jira.permissions, issues,
                new PropertiesI18n());
        QueryCreationContext context = mock(QueryCreationContext.class);
        when(context.getApplicationUser()).thenReturn(jira.engineer);
        String jql = "issue in ctemQueue(\"" + PanelScenario.CYCLE + "\", 10)";
        List<Map<String, Object>> rows = new ArrayList<>();
        for (QueryLiteral literal : queue.getValues(context, new FunctionOperand("ctemQueue", PanelScenario.CYCLE,
                "10"), mock(TerminalClause.class))) {
            String key = keys.get(literal.getLongValue());
            PrioritisationPanelView view = scenario.provider.panel(PanelScenario.issue(literal.getLongValue(), key),
                    jira.engineer).orElseThrow();
            rows.add(Map.of("key", key, "summary", view.getFindingTitle() + " on " + view.getAsset(), "panel", view));
        }
        assertEquals("the two mobilised issues of the top 10", 2, rows.size());
        String table = velocity.render("browser/search-results.vm", Map.of("rows", rows));
        load("search-results.html", shell("Search", "<header class=\"aui-page-header\"><div class=\"aui-page-header-"
                + "inner\"><div class=\"aui-page-header-main\"><h1>Search</h1></div></div></header>\n<form class=\"aui\""
                + " onsubmit=\"return false\"><label for=\"jql\">Query</label> <input class=\"text long-field\" id=\"jql\""
                + " readonly value=\"" + jql.replace("\"", "&quot;") + "\"/></form>\n" + table));

        List<WebElement> found = browser.findElements(By.cssSelector("#issuetable tr.issuerow"));
        assertEquals(2, found.size());
        assertEquals("SEC-1", found.get(0).getAttribute("data-issuekey"));
        assertEquals("1 of 13", found.get(0).findElement(By.cssSelector(".ctem-rank")).getText());
        assertEquals("CRITICAL", found.get(0).findElement(By.cssSelector(".ctem-tier")).getText().toUpperCase());
        assertEquals("2026-11-30", found.get(0).findElement(By.cssSelector(".ctem-deadline")).getText());
        assertEquals("2 of 13", found.get(1).findElement(By.cssSelector(".ctem-rank")).getText());
        assertInert("#issuetable", PanelScenario.HOSTILE_TITLE);
        assertEquals(List.of(), chromium.consoleErrors());
        chromium.checkAccessibility("search results with the CTEM columns");
        chromium.screenshot("search-results");
    }

    /**
     * The hostile texts are shown as the text they are, and nothing of them became markup: no script, image,
     * frame or event attribute inside {@code container}, and no alert was raised.
     */
    private void assertInert(String container, String... hostile) {
        String text = browser.findElement(By.cssSelector(container)).getText();
        for (String h : hostile) {
            assertTrue(h + " shown as text in:\n" + text, text.contains(h));
        }
        JavascriptExecutor js = browser;
        Object injected = js.executeScript("const c = document.querySelector(arguments[0]);"
                + "return c.querySelectorAll('script, img, iframe, object, embed, b, [onerror], [onmouseover],"
                + " [onload]').length;", container);
        assertEquals("elements injected into " + container, 0L, injected);
        assertEquals("alerts raised", 0L, js.executeScript("return window.ctemAlerts.length;"));
    }

    private void load(String file, String html) throws IOException {
        Path page = PAGES.resolve(file);
        Files.writeString(page, html, StandardCharsets.UTF_8);
        browser.get(page.toAbsolutePath().toUri().toString());
        assertEquals("complete", ((JavascriptExecutor) browser).executeScript("return document.readyState"));
    }

    /** The issue view: summary and details on the left, the web panel's module in the right column. */
    private static String issueView(String key, String panel) {
        return "<header class=\"aui-page-header\"><div class=\"aui-page-header-inner\"><div class=\"aui-page-header-main\">"
                + "<ol class=\"aui-nav aui-nav-breadcrumbs\"><li><a href=\"#\">Security</a></li><li><a href=\"#\">"
                + key + "</a></li></ol><h1 id=\"summary-val\">Log4Shell on api.pay.example.com</h1></div></div></header>\n"
                + "<div class=\"aui-group\"><div class=\"aui-item\" id=\"ctem-issue-details\">"
                + "<section class=\"module\" aria-labelledby=\"details-heading\"><h2 id=\"details-heading\">Details</h2>"
                + "<dl class=\"ctem-details\"><dt>Type</dt><dd>CTEM Exposure</dd><dt>Status</dt><dd>In Progress</dd>"
                + "<dt>Assignee</dt><dd>dave</dd><dt>Labels</dt><dd>ctem</dd></dl></section>"
                + "<section class=\"module\" aria-labelledby=\"description-heading\"><h2 id=\"description-heading\">"
                + "Description</h2><p>Mobilised from cycle " + PanelScenario.CYCLE + ". The finding, its evidence and"
                + " its queue place are in the panel on the right.</p></section></div>\n"
                + "<div class=\"aui-item\" style=\"width: 440px\"><section class=\"module\" id=\"ctem-panel-module\""
                + " aria-labelledby=\"ctem-panel-heading\"><h2 id=\"ctem-panel-heading\">"
                + new PropertiesI18n().getText("ctem.panel.label") + "</h2>\n" + panel + "\n</section></div></div>";
    }

    /**
     * Jira's page around the content (the pages' shell) with AUI's styles; an alert records its message instead of
     * blocking, so that the test can tell none was raised.
     */
    private static String shell(String title, String content) {
        return PageHarness.page(title.replace("<", "&lt;"), "<script>window.ctemAlerts = [];"
                + " window.alert = m => window.ctemAlerts.push(String(m));</script>\n"
                + "<link rel=\"stylesheet\" href=\"../ui-vendor/aui/aui-prototyping.css\"/>\n", content);
    }
}
