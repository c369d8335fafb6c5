package org.ctemcycles.jira.admin;

import org.ctemcycles.testing.Chromium;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The pages in headless Chromium (Debian's chromium and chromium-driver, named so Selenium downloads nothing) against
 * the HTTP harness with the real REST API and database, inside the stand-in for Jira's page with Atlassian's AUI
 * styles: a lead opens a cycle through the form and advances it through its first gate with an override, an auditor reads the report view and cannot change anything, an
 * outsider gets the permission page. Every page passes axe-core without serious or critical violations, and each is
 * kept as a full-page PNG under target/screenshots/. Skipped, with a message, only where Chromium or its driver is
 * not installed (scripts/install-browser installs them; CI runs it).
 */
public class BrowserPagesTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static File chromium;
    private static File chromedriver;

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));
    private PageHarness pages;
    private ChromeDriver browser;
    private Path profile;

    @BeforeClass
    public static void findChromium() throws Exception {
        Chromium.assumeInstalled();
        chromium = Chromium.executable("chromium", "chromium-browser");
        chromedriver = Chromium.executable("chromedriver");
    }

    @Before
    public void open() throws IOException {
        pages = new PageHarness(api);
        CycleReportPageTest.seed(api);
        profile = Files.createTempDirectory("ctem-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // axe-core over the report view takes seconds, and far longer when the shared machine is loaded
        browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        Files.createDirectories(SCREENSHOTS);
    }

    @After
    public void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Clicks what leaves the page and waits until the next one is there: ChromeDriver may return from a click before
     * the navigation it starts has begun (seen under load), so the old page going stale is the signal.
     */
    private void clickAndLoad(WebElement element) {
        element.click();
        awaitStale(element, 60);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private void logIn(String user) {
        browser.get(api.jiraUrl() + "/secure/"); // a page of the origin (the harness's 404), so the cookie can be set
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(RestHarness.USER_COOKIE, user, "/"));
    }

    @Test
    public void aLeadOpensACycleThroughTheForm() throws IOException {
        logIn("lead");
        browser.get(pages.url("CtemCycles!default.jspa"));
        assertStyledByAui();
        browser.findElement(By.id("ctem-key")).sendKeys("CTEM-2027-Q1");
        browser.findElement(By.id("ctem-name")).sendKeys("Q1 internet edge");
        new Select(browser.findElement(By.id("ctem-projectKey"))).selectByValue("SEC");
        browser.findElement(By.id("ctem-objective")).sendKeys("Cut the internet-facing attack surface");
        date("ctem-start", "2027-01-04");
        date("ctem-plannedEnd", "2027-03-26");
        clickAndLoad(browser.findElement(By.cssSelector("#ctem-create-cycle [type=submit]")));

        assertTrue(browser.getPageSource(), browser.findElements(By.id("ctem-cycle-created")).size() == 1);
        assertEquals(200, api.get("lead", "/cycles/CTEM-2027-Q1").status());
        assertEquals("Q1 internet edge", browser.findElement(
                By.cssSelector("tr[data-cycle-key='CTEM-2027-Q1'] td.ctem-name")).getText());
        checkAccessibility("cycles page");
        screenshot("cycles-page");

        clickAndLoad(browser.findElement(By.linkText("CTEM-2027-Q1")));
        assertTrue(browser.findElements(By.cssSelector("#ctem-unmet li")).size() > 0);
        browser.findElement(By.cssSelector("label[for=ctem-override]")).click(); // AUI draws the box over the input
        browser.findElement(By.id("ctem-reason")).sendKeys("Scope agreed at the kick-off");
        clickAndLoad(browser.findElement(By.id("ctem-advance-submit")));
        assertEquals(1, browser.findElements(By.id("ctem-advanced")).size());
        assertEquals("Discovery", browser.findElement(By.id("ctem-stage")).getText());
        checkAccessibility("cycle page");
        screenshot("cycle-page");

        browser.get(pages.url("CtemCycles!default.jspa"));
        browser.findElement(By.id("ctem-key")).sendKeys("bad key!");
        clickAndLoad(browser.findElement(By.cssSelector("#ctem-create-cycle [type=submit]")));
        assertTrue(browser.findElement(By.id("ctem-form-errors")).isDisplayed());
        screenshot("cycles-page-errors");
    }

    /**
     * A lead runs a whole cycle through the pages alone (every change a form of the cycle page, sent to the REST API
     * by the page's script, or the advance form), then an auditor reads the closed cycle's report view with its
     * charts, downloads its files, is offered nothing on either page, and a forged change is refused on the server.
     */
    @Test
    public void aLeadRunsACompleteCycleThroughThePagesAndAnAuditorReadsItsReport() throws IOException {
        String cycle = "CTEM-2026-WEB";
        logIn("lead");
        browser.get(pages.url("CtemCycles!default.jspa"));
        browser.findElement(By.id("ctem-key")).sendKeys(cycle);
        browser.findElement(By.id("ctem-name")).sendKeys("Internet edge, autumn");
        new Select(browser.findElement(By.id("ctem-projectKey"))).selectByValue("SEC");
        browser.findElement(By.id("ctem-objective")).sendKeys("Cut the internet-facing attack surface");
        date("ctem-start", "2026-10-05");
        date("ctem-plannedEnd", "2026-12-18");
        reloadAfter(By.cssSelector("#ctem-create-cycle [type=submit]"));
        browser.findElement(By.linkText(cycle)).click();
        assertEquals("Scoping", browser.findElement(By.id("ctem-stage")).getText());

        // scope: the criteria, then a surface with its rules
        browser.findElement(By.id("ctem-scope-successCriteria")).sendKeys("No KEV finding open on the edge");
        done("ctem-scope-form", "scope");
        browser.findElement(By.id("ctem-surface-key")).sendKeys("EDGE");
        browser.findElement(By.id("ctem-surface-name")).sendKeys("Web edge");
        browser.findElement(By.id("ctem-surface-businessOwner")).sendKeys("web-platform");
        new Select(browser.findElement(By.id("ctem-surface-criticality"))).selectByValue("high");
        browser.findElement(By.id("ctem-surface-successCriterion")).sendKeys("every host scanned weekly");
        browser.findElement(By.id("ctem-surface-rules")).sendKeys(
                "host:*.example.com\nurl:https://app.example.com/*\nip:203.0.113.0/24");
        done("ctem-surface-form", "surface");
        assertTrue(browser.findElement(By.id("ctem-surfaces")).getText().contains("web-platform"));
        screenshot("lead-1-scoped");
        advance("Discovery");

        // discovery: a scanner report from the test corpus, with the import summary
        browser.findElement(By.id("ctem-import-file")).sendKeys(
                Path.of("src/test/resources/ingest/nuclei/export.json").toAbsolutePath().toString());
        browser.findElement(By.id("ctem-import-covers")).sendKeys("EDGE");
        browser.findElement(By.id("ctem-import-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("ctem-import-summary"))
                .isDisplayed() || !d.findElements(By.id("ctem-api-error")).isEmpty());
        assertNoApiError();
        int newFindings = Integer.parseInt(browser.findElement(By.cssSelector("[data-ctem-summary=newFindings]"))
                .getText());
        assertTrue("new findings: " + newFindings, newFindings > 0);
        checkAccessibility("cycle page import summary");
        screenshot("lead-2-import-summary");
        reloadAfter(By.id("ctem-import-reload"));
        assertEquals(1, browser.findElements(By.id("ctem-runs")).size());
        assertTrue(api.get("lead", "/cycles/" + cycle + "/coverage").body(),
                browser.findElements(By.cssSelector("#ctem-coverage .ctem-coverage-covered")).size() >= 1);
        browser.findElement(By.id("ctem-feed-file")).sendKeys(
                Path.of("src/test/resources/kev/known_exploited_vulnerabilities.json.gz").toAbsolutePath().toString());
        new Select(browser.findElement(By.id("ctem-feed-kind"))).selectByValue("kev");
        done("ctem-feed-form", "feed");
        advance("Prioritisation");

        done("ctem-prioritise-form", "prioritise");
        List<WebElement> queue = browser.findElements(By.cssSelector("#ctem-queue-table tbody tr"));
        assertEquals(newFindings, queue.size());
        String first = queue.get(0).getAttribute("data-finding");
        String last = queue.get(queue.size() - 1).getAttribute("data-finding");
        advance("Validation");

        // an error names its field; then the validation
        done("ctem-validation-form", null);
        assertTrue(browser.findElement(By.cssSelector("#ctem-validation-form .error")).getText()
                .startsWith("finding: "));
        screenshot("lead-3-error-names-the-field");
        browser.findElement(By.id("ctem-validation-finding")).sendKeys(first);
        new Select(browser.findElement(By.id("ctem-validation-outcome"))).selectByValue("exploitable-confirmed");
        browser.findElement(By.id("ctem-validation-notes")).sendKeys("Reproduced the JNDI lookup");
        done("ctem-validation-form", "validation");
        advance("Mobilisation");

        // mobilise a selection: every finding but the last, whose risk is accepted
        for (WebElement box : browser.findElements(By.cssSelector("input[form=ctem-mobilise-form]"))) {
            if (!box.getAttribute("value").equals(last)) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].click();", box);
            }
        }
        browser.findElement(By.id("ctem-mobilise-owner")).sendKeys("web-platform");
        date("ctem-mobilise-deadline", "2026-11-30");
        browser.findElement(By.id("ctem-mobilise-verificationStep")).sendKeys("rescan with nuclei");
        done("ctem-mobilise-form", "mobilise");
        browser.findElement(By.id("ctem-accept-finding")).sendKeys(last);
        browser.findElement(By.id("ctem-accept-owner")).sendKeys("ciso");
        browser.findElement(By.id("ctem-accept-compensatingControl")).sendKeys("WAF rule 9001");
        date("ctem-accept-expiry", "2027-03-31");
        done("ctem-accept-form", "accept");
        browser.findElement(By.id("ctem-checkpoint-notes")).sendKeys("Mid-cycle review");
        done("ctem-checkpoint-form", "checkpoint");
        assertEquals("the report's charts on the cycle page, each beside its table", 7,
                browser.findElements(By.cssSelector("#ctem-cycle-page figure.ctem-chart svg[role=img] + table")).size());
        checkAccessibility("cycle page in mobilisation");
        screenshot("cycle-page");
        screenshotAt("cycle-page-charts", "ctem-charts");
        screenshotAt("cycle-page-queue", "ctem-queue");

        done("ctem-close-form", "close");
        assertEquals("Closed", browser.findElement(By.id("ctem-stage")).getText());
        browser.findElement(By.id("ctem-handover-key")).sendKeys("CTEM-2027-WEB");
        browser.findElement(By.id("ctem-handover-name")).sendKeys("Internet edge, winter");
        date("ctem-handover-start", "2027-01-04");
        date("ctem-handover-plannedEnd", "2027-03-26");
        browser.findElement(By.cssSelector("label[for=ctem-handover-carryScope]")).click();
        done("ctem-handover-form", "handover");
        assertEquals(200, api.get("lead", "/cycles/CTEM-2027-WEB").status());
        screenshot("lead-4-closed-and-handed-over");
        browser.get(pages.url("CtemProjectCycles.jspa?projectKey=SEC"));
        assertEquals("the seeded cycle, this one and its successor", 3,
                browser.findElements(By.cssSelector("#ctem-project-cycle-table tbody tr")).size());
        assertTrue(browser.findElement(By.cssSelector("tr[data-cycle-key='" + cycle + "'] td.ctem-open")).getText()
                .matches("\\d+"));
        checkAccessibility("project cycles page");
        screenshot("project-cycles");

        logIn("auditor");
        browser.get(pages.url("CtemCycle.jspa?key=" + cycle));
        assertTrue("the auditor is offered nothing",
                browser.findElements(By.cssSelector("form, button, input")).isEmpty());
        screenshot("auditor-cycle-page");
        browser.get(pages.url("CtemCycleReport.jspa?key=" + cycle));
        // a closed cycle's report view shows the pack frozen at closure a section page at a time (ADR 095): its
        // sections beside a page of one, in a sandboxed frame read from the stored pieces the page spans
        WebElement source = browser.findElement(By.id("ctem-report-source"));
        assertEquals("frozen", source.getAttribute("data-source"));
        assertTrue(source.getText(), source.getText().matches(
                "(?s)Frozen at closure on 2026-11-02, SHA-256 [0-9a-f]{64}\n.*Show the live record"));
        List<WebElement> sections = browser.findElements(By.cssSelector("#ctem-frozen-sections li a"));
        assertEquals("the title page and the report's ten sections", 11, sections.size());
        assertEquals("Title and contents", browser.findElement(By.id("ctem-frozen-section-title")).getText());
        clickAndLoad(sections.get(1));
        assertEquals("page", browser.findElement(By.cssSelector("#ctem-frozen-sections a[aria-current]"))
                .getAttribute("aria-current"));
        assertTrue(browser.findElement(By.id("ctem-frozen-page-of")).getText().startsWith("Page 1 of 1"));
        WebElement frame = browser.findElement(By.id("ctem-frozen-report"));
        assertEquals("", frame.getAttribute("sandbox"));
        String shown = String.valueOf(((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t)));",
                frame.getAttribute("src")));
        assertTrue(shown, shown.startsWith("200 ") && shown.contains("<section id=\"evidence-items\"")
                && !shown.contains("id=\"finding-set\""));
        // the frame runs no script, so its content is looked at as the reader sees it: in the screenshot below
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("var f = document.getElementById('ctem-frozen-report');"
                        + " return f.getBoundingClientRect().height > 300;")));
        assertTrue(browser.findElements(By.cssSelector("form, button, input")).isEmpty());
        for (String download : List.of("frozen-json", "frozen-html", "print", "html", "json", "csv", "vex")) {
            String href = browser.findElement(By.id("ctem-download-" + download)).getAttribute("href");
            String answer = fetch(href);
            assertTrue(download + ": " + answer, answer.startsWith("200 ") && answer.length() > 10);
        }
        checkAccessibility("closed cycle report view, frozen at closure");
        screenshot("report-view-frozen");
        clickAndLoad(browser.findElement(By.id("ctem-report-switch")));
        assertEquals("live", browser.findElement(By.id("ctem-report-source")).getAttribute("data-source"));
        assertTrue(browser.findElements(By.cssSelector(".ctem-report svg")).size() >= 4);
        checkAccessibility("closed cycle report view, live record");
        screenshot("report-view");
        String forged = post("../rest/ctem/1.0/cycles/" + cycle + "/checkpoints", "{\"notes\":\"forged\"}");
        assertTrue(forged, forged.startsWith("403 "));
        String forgedPage = post("CtemCycle!advance.jspa", "key=" + cycle + "&override=true&reason=x&atl_token="
                + pages.token());
        assertTrue(forgedPage, forgedPage.startsWith("403 "));

        logIn("outsider");
        browser.get(pages.url("CtemCycle.jspa?key=" + cycle));
        assertEquals(1, browser.findElements(By.id("permission-violation")).size());
        screenshot("cycle-page-permission-violation");
    }

    /** Submits a lead action's form and waits for the page to reload with its success message (or, for null, for
     *  the API's refusal to show). */
    private void done(String form, String action) {
        // a refusal shown before would otherwise end the wait below at once, and then go stale with the page
        ((JavascriptExecutor) browser).executeScript(
                "var box = document.getElementById('ctem-api-message'); if (box) { box.innerHTML = ''; }");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("#" + form + " [type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> unloading(() -> ExpectedConditions
                .stalenessOf(page).apply(d) || !d.findElements(By.id("ctem-api-error")).isEmpty()));
        if (action == null) {
            assertEquals(1, browser.findElements(By.id("ctem-api-error")).size());
            return;
        }
        assertNoApiError();
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("done=" + action));
        assertEquals(1, browser.findElements(By.id("ctem-done")).size());
    }

    private void assertNoApiError() {
        List<WebElement> error = browser.findElements(By.id("ctem-api-error"));
        assertTrue(error.isEmpty() ? "" : error.get(0).getText(), error.isEmpty());
    }

    /** Clicks and waits for the next page. */
    private void reloadAfter(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        awaitStale(page, 60);
    }

    /** Waits until an element of the page left is gone. */
    private void awaitStale(WebElement old, int seconds) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds)).until(d -> unloading(() -> ExpectedConditions
                .stalenessOf(old).apply(d)));
    }

    /**
     * The condition, or false when ChromeDriver answers "node does not belong to the document" while the old page
     * unloads (seen under load, CI stop 27): the page going stale is what the waits look for, so that is asked again.
     * Any other failure (a browser gone, say) ends the wait at once.
     */
    private static boolean unloading(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return false;
            }
            throw e;
        }
    }

    /** Advances the cycle through its next gate (met: no override) with the page's advance form. */
    private void advance(String stage) {
        reloadAfter(By.id("ctem-advance-submit"));
        List<WebElement> errors = browser.findElements(By.id("ctem-advance-errors"));
        assertTrue(errors.isEmpty() ? "" : errors.get(0).getText(), errors.isEmpty());
        assertEquals(stage, browser.findElement(By.id("ctem-stage")).getText());
    }

    /** POSTs from the page (same origin, the user's cookie; JSON, or a form when the body is not JSON). */
    private String post(String url, String body) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const json = arguments[1].startsWith('{');"
                        + "fetch(arguments[0], {method: 'POST', body: arguments[1], headers: {'Content-Type': json"
                        + " ? 'application/json' : 'application/x-www-form-urlencoded'}})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t.slice(0, 200))))"
                        + ".catch(e => done('failed ' + e));", url, body);
        return String.valueOf(result);
    }

    @Test
    public void anAuditorReadsTheReportViewAndCannotChangeAnything() throws IOException {
        logIn("auditor");
        browser.get(pages.url("CtemCycleReport.jspa?key=" + CycleReportPageTest.CYCLE));
        assertStyledByAui();
        assertTrue(browser.findElements(By.cssSelector(".ctem-report svg")).size() >= 4);
        assertTrue("no form, no button", browser.findElements(By.cssSelector("form, button, input")).isEmpty());
        checkAccessibility("report view");
        screenshot("report-view");

        String json = fetch("../rest/ctem/1.0/cycles/" + CycleReportPageTest.CYCLE + "/evidence.json");
        assertTrue(json, json.startsWith("200 "));
        assertEquals("the API refuses the auditor a change", 403, api.post("auditor", "/cycles/"
                + CycleReportPageTest.CYCLE + "/checkpoints", "{\"notes\":\"x\"}").status());

        clickAndLoad(browser.findElement(By.cssSelector(".paging a[href*='section=finding-set']")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("section=finding-set"));
        screenshot("report-view-findings-page-2");
    }

    /**
     * A reader of the cycle's work reads its scheduled sources on the cycle page: a folder source by its name under
     * ctem/sources/ (never the server's path), its kind, interval, next run and last runs, newest first. axe-core.
     */
    @Test
    public void aReaderReadsTheCyclesScheduledSources() throws IOException {
        String base = "/cycles/" + CycleReportPageTest.CYCLE + "/sources";
        Path drop = Files.createDirectories(api.jiraIssues.sharedHome.resolve("ctem/sources/nightly"));
        Files.writeString(drop.resolve("a-scan.jsonl"), "{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n"
                + new com.google.gson.Gson().toJson(org.ctemcycles.testing.ObservationBuilder.nessus()
                .host("web9.pay.example").ruleId("source-1").build()) + "\n");
        RestHarness.Reply added = api.post("lead", base, "{\"name\":\"Nightly drop\",\"folder\":\"nightly\","
                + "\"every\":\"6h\",\"format\":\"ctem-jsonl\"}");
        assertEquals(added.toString(), 201, added.status());
        String id = added.json().getAsJsonObject().get("id").getAsString();
        for (String file : List.of("", "b-broken.jsonl")) {
            if (!file.isEmpty()) { // the second run finds a file that is not a report
                Files.writeString(drop.resolve(file), "{\"broken\":");
            }
            RestHarness.Reply ran = api.send("lead", api.request(base + "/" + id + "/run")
                    .header("X-Atlassian-Token", "no-check").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(ran.toString(), 200, ran.status());
        }

        logIn("engineer");
        browser.get(pages.url("CtemCycle.jspa?key=" + CycleReportPageTest.CYCLE));
        assertStyledByAui();
        List<WebElement> cells = browser.findElements(By.cssSelector("#ctem-sources tr[data-source='" + id
                + "'] > *"));
        assertEquals(5, cells.size());
        assertEquals("Nightly drop\nnightly", cells.get(0).getText());
        assertEquals("Folder (under ctem/sources/)", cells.get(1).getText());
        assertEquals("6h", cells.get(2).getText());
        assertEquals("six hours after the last run", "2026-11-02T15:00:00Z", cells.get(3).getText());
        List<WebElement> runs = cells.get(4).findElements(By.cssSelector("li"));
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).getText(), runs.get(0).getText().contains("b-broken.jsonl: rejected"));
        assertEquals("the oldest last", "ran", runs.get(1).findElement(By.cssSelector(".aui-lozenge"))
                .getAttribute("textContent"));
        assertFalse(browser.getPageSource().contains(api.jiraIssues.sharedHome.toString()));
        checkAccessibility("cycle page sources");
        screenshotAt("cycle-page-sources", "ctem-sources-heading");
    }

    @Test
    public void anOutsiderGetsThePermissionPage() throws IOException {
        logIn("outsider");
        browser.get(pages.url("CtemCycleReport.jspa?key=" + CycleReportPageTest.CYCLE));
        assertEquals(1, browser.findElements(By.id("permission-violation")).size());
        assertFalse(browser.getPageSource().contains("Finding 1"));
        screenshot("report-view-permission-violation");
    }

    /**
     * An administrator in a secure session changes the grain and a role on the configuration page by its forms: each
     * save is logged and shown with its before and after; a lead gets the permission page. Screenshots and axe-core.
     */
    @Test
    public void anAdministratorChangesTheConfigurationThroughItsForms() throws IOException {
        pages.startWebSudo("admin");
        pages.startWebSudo("lead");
        logIn("admin");
        browser.get(pages.url(ConfigurationPageTest.PAGE));
        assertStyledByAui();
        checkAccessibility("configuration-page");
        new Select(browser.findElement(By.id("ctem-grain"))).selectByValue("vulnerability");
        clickAndLoad(browser.findElement(By.id("ctem-tracker-submit")));
        assertEquals(1, browser.findElements(By.id("ctem-config-saved")).size());
        WebElement roles = browser.findElement(By.id("ctem-securityLeadRole"));
        roles.clear();
        roles.sendKeys("No Such Role");
        clickAndLoad(browser.findElement(By.id("ctem-roles-submit")));
        assertTrue(browser.findElement(By.id("ctem-error-securityLeadRole")).getText().contains("No Such Role"));
        screenshot("configuration-page-errors");
        roles = browser.findElement(By.id("ctem-securityLeadRole"));
        roles.clear();
        roles.sendKeys(org.ctemcycles.testing.FakeJira.LEAD_ROLE);
        clickAndLoad(browser.findElement(By.id("ctem-roles-submit")));
        String log = browser.findElement(By.id("ctem-changes")).getText();
        assertTrue(log, log.contains("grain: vulnerability") && log.contains("securityLeadRole: "
                + org.ctemcycles.testing.FakeJira.LEAD_ROLE));
        checkAccessibility("configuration-page-saved");
        screenshot("configuration-page");

        // the source hosts: a URL is refused naming its line, nothing stored; a host name is saved and logged
        WebElement hosts = browser.findElement(By.id("ctem-sourceHosts"));
        hosts.clear();
        hosts.sendKeys("ci.example.com\nhttps://scans.example.org/export");
        clickAndLoad(browser.findElement(By.id("ctem-source-hosts-submit")));
        String hostError = browser.findElement(By.id("ctem-error-hosts")).getText();
        assertTrue(hostError, hostError.contains("line 2: 'https://scans.example.org/export' is not a host name"));
        assertTrue(api.sources().hosts().isEmpty());
        checkAccessibility("configuration-page-source-hosts-refused");
        screenshotAt("configuration-page-source-hosts-refused", "ctem-source-hosts-heading");
        hosts = browser.findElement(By.id("ctem-sourceHosts"));
        hosts.clear();
        hosts.sendKeys("ci.example.com\nscans.example.org");
        clickAndLoad(browser.findElement(By.id("ctem-source-hosts-submit")));
        assertEquals(1, browser.findElements(By.id("ctem-config-saved")).size());
        assertEquals(List.of("ci.example.com", "scans.example.org"), api.sources().hosts());
        log = browser.findElement(By.id("ctem-changes")).getText();
        assertTrue(log, log.contains("sourceHosts: ci.example.com"));
        checkAccessibility("configuration-page-source-hosts");
        screenshotAt("configuration-page-source-hosts", "ctem-source-hosts-heading");

        // the feed upload: a file that is no EPSS file is refused with the reader's words, nothing stored; the real
        // one (FIRST's own file, as published: CSV.gz) is loaded and the table shows its version
        Path wrong = Files.createTempFile("not-epss", ".csv");
        Files.writeString(wrong, "cve,score\nCVE-2024-0001,0.5\n");
        browser.findElement(By.id("ctem-feed-file")).sendKeys(wrong.toAbsolutePath().toString());
        done("ctem-feed-form", null);
        String refused = browser.findElement(By.id("ctem-api-error")).getText();
        assertTrue(refused, refused.contains("line "));
        assertTrue(api.services().record().feeds().activeVersion(org.ctemcycles.core.scoring.FeedKind.EPSS)
                .isEmpty());
        checkAccessibility("configuration-page-feed-refused");
        screenshotAt("configuration-page-feed-refused", "ctem-feed-form");
        Files.delete(wrong);
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("ctem-feed-file")).clear();
        browser.findElement(By.id("ctem-feed-file")).sendKeys(
                Path.of("src/test/resources/priority/epss_scores-2025-08-31.csv.gz").toAbsolutePath().toString());
        browser.findElement(By.id("ctem-feed-submit")).click();
        awaitStale(before, 120);
        assertEquals(1, browser.findElements(By.id("ctem-feed-loaded")).size());
        String epss = browser.findElement(By.cssSelector("#ctem-feeds tr[data-feed=EPSS]")).getText();
        assertTrue(epss, epss.contains("2025-08-31") && epss.contains("epss_scores-2025-08-31.csv.gz"));
        checkAccessibility("configuration-page-feed-loaded");
        screenshotAt("configuration-page-feed-loaded", "ctem-feeds");

        // the policy: an invalid value is refused naming its field; a valid edit is the next version, with its diff
        String policy = browser.findElement(By.id("ctem-policyText")).getAttribute("value");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ctem-policyText').value = arguments[0];",
                policy.replace("\"CRITICAL\": 80", "\"CRITICAL\": \"very\""));
        clickAndLoad(browser.findElement(By.id("ctem-policy-submit")));
        assertTrue(browser.findElement(By.id("ctem-error-policy")).getText().contains("tiers.CRITICAL"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ctem-policyText').value = arguments[0];",
                policy.replace("\"CRITICAL\": 80", "\"CRITICAL\": 85"));
        clickAndLoad(browser.findElement(By.id("ctem-policy-submit")));
        assertEquals(1, browser.findElements(By.id("ctem-config-saved")).size());
        assertEquals("2", browser.findElement(By.id("ctem-policy-version")).getText());
        String diff = browser.findElement(By.id("ctem-policy-diff-table")).getText();
        assertTrue(diff, diff.contains("tiers.CRITICAL 80 85"));
        checkAccessibility("configuration-page-policy");
        screenshotAt("configuration-page-policy", "ctem-policy-heading");

        logIn("lead");
        browser.get(pages.url(ConfigurationPageTest.PAGE));
        assertEquals(1, browser.findElements(By.id("permission-violation")).size());
    }

    /** AUI's styles applied: the page panel is laid out by aui-prototyping.css, not by the browser's defaults. */
    private void assertStyledByAui() {
        WebElement header = browser.findElement(By.cssSelector("nav.aui-header"));
        assertFalse("AUI's header style (no AUI stylesheet loaded?)",
                header.getCssValue("background-color").equals("rgba(0, 0, 0, 0)"));
    }

    private void date(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, isoDate);
    }

    /** GETs a URL from the page (same origin, the user's cookie): "STATUS first-characters". */
    private String fetch(String url) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.slice(0, 40))))"
                        + ".catch(e => done('failed ' + e));", url);
        return String.valueOf(result);
    }

    /** axe-core over the whole page: no serious or critical violation. */
    private void checkAccessibility(String page) throws IOException {
        Chromium.checkAccessibility(browser, page);
    }

    /** One screen of the page from the element with this id on, as NAME.png. */
    private void screenshotAt(String name, String id) throws IOException {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The page's first screen and the whole page ({@link Chromium#screenshot(ChromeDriver, String)}). */
    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }
}
