package org.ctemcycles.jira.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
    private static final List<String> BLOCKING = List.of("serious", "critical");

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
        chromium = executable("chromium", "chromium-browser");
        chromedriver = executable("chromedriver");
        Assume.assumeTrue("browser tests skipped: Chromium is not installed here (chromium "
                + (chromium == null ? "missing" : "found") + ", chromedriver " + (chromedriver == null ? "missing"
                : "found") + "); scripts/install-browser installs both", chromium != null && chromedriver != null);
        if (!Files.isRegularFile(PageHarness.UI_VENDOR.resolve("aui/aui-prototyping.css"))
                || !Files.isRegularFile(PageHarness.UI_VENDOR.resolve("axe/axe.min.js"))) {
            Process fetch = new ProcessBuilder("scripts/fetch-ui-vendor").inheritIO().start();
            if (!fetch.waitFor(5, TimeUnit.MINUTES) || fetch.exitValue() != 0) {
                fail("AUI and axe-core are missing from " + PageHarness.UI_VENDOR
                        + " and scripts/fetch-ui-vendor could not fetch them");
            }
        }
    }

    private static File executable(String... names) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : names) {
                File file = new File(directory, name);
                if (file.canExecute()) {
                    return file;
                }
            }
        }
        return null;
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
        browser.findElement(By.cssSelector("#ctem-create-cycle [type=submit]")).click();

        assertTrue(browser.getPageSource(), browser.findElements(By.id("ctem-cycle-created")).size() == 1);
        assertEquals(200, api.get("lead", "/cycles/CTEM-2027-Q1").status());
        assertEquals("Q1 internet edge", browser.findElement(
                By.cssSelector("tr[data-cycle-key='CTEM-2027-Q1'] td.ctem-name")).getText());
        checkAccessibility("cycles page");
        screenshot("cycles-page");

        browser.findElement(By.linkText("CTEM-2027-Q1")).click();
        assertTrue(browser.findElements(By.cssSelector("#ctem-unmet li")).size() > 0);
        browser.findElement(By.cssSelector("label[for=ctem-override]")).click(); // AUI draws the box over the input
        browser.findElement(By.id("ctem-reason")).sendKeys("Scope agreed at the kick-off");
        browser.findElement(By.id("ctem-advance-submit")).click();
        assertEquals(1, browser.findElements(By.id("ctem-advanced")).size());
        assertEquals("Discovery", browser.findElement(By.id("ctem-stage")).getText());
        checkAccessibility("cycle page");
        screenshot("cycle-page");

        browser.get(pages.url("CtemCycles!default.jspa"));
        browser.findElement(By.id("ctem-key")).sendKeys("bad key!");
        browser.findElement(By.cssSelector("#ctem-create-cycle [type=submit]")).click();
        assertTrue(browser.findElement(By.id("ctem-form-errors")).isDisplayed());
        screenshot("cycles-page-errors");
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

        browser.findElement(By.cssSelector(".paging a[href*='section=finding-set']"))
                .click();
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().contains("section=finding-set"));
        screenshot("report-view-findings-page-2");
    }

    @Test
    public void anOutsiderGetsThePermissionPage() throws IOException {
        logIn("outsider");
        browser.get(pages.url("CtemCycleReport.jspa?key=" + CycleReportPageTest.CYCLE));
        assertEquals(1, browser.findElements(By.id("permission-violation")).size());
        assertFalse(browser.getPageSource().contains("Finding 1"));
        screenshot("report-view-permission-violation");
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
        String axe = Files.readString(PageHarness.UI_VENDOR.resolve("axe/axe.min.js"), StandardCharsets.UTF_8);
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map("
                + "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))))"
                + ".catch(e => done('axe failed: ' + e));");
        String text = String.valueOf(result);
        assertTrue(text, text.startsWith("["));
        JsonArray violations = JsonParser.parseString(text).getAsJsonArray();
        List<String> blocking = new ArrayList<>();
        for (JsonElement violation : violations) {
            String impact = violation.getAsJsonObject().get("impact").isJsonNull() ? ""
                    : violation.getAsJsonObject().get("impact").getAsString();
            if (BLOCKING.contains(impact)) {
                blocking.add(violation.toString());
            }
        }
        Files.writeString(SCREENSHOTS.resolve(page.replace(' ', '-') + "-axe.json"), text);
        assertTrue(page + ": axe-core finds serious violations: " + blocking, blocking.isEmpty());
    }

    /**
     * The page's first screen as NAME-top.png (what the README shows), then the whole page as NAME.png: the window
     * stretched to the document's height (capped), then shot.
     */
    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + "-top.png"), browser.getScreenshotAs(OutputType.BYTES));
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 12000)));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
