package org.ctemcycles.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.Assume;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Headless Chromium for the browser tests (Debian's chromium and chromium-driver, named so Selenium downloads
 * nothing), with what every such test checks: axe-core over the page (no serious or critical violation), the
 * browser's console (no script error, no resource that failed to load), and full-page PNG screenshots kept under
 * target/screenshots/. {@link #assumeInstalled} skips a test, with a message, only where Chromium or its driver is
 * not installed (scripts/install-browser installs them; CI runs it) and fetches AUI and axe-core when missing.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Where scripts/fetch-ui-vendor puts AUI and axe-core. */
    public static final Path UI_VENDOR = Path.of("target", "ui-vendor");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(File chromium, File chromedriver) throws IOException {
        profile = Files.createTempDirectory("ctem-chromium");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + profile,
                        "--allow-file-access-from-files");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Skips the calling test class unless Chromium and its driver are installed; fetches AUI and axe-core. */
    public static void assumeInstalled() throws Exception {
        File chromium = executable("chromium", "chromium-browser");
        File chromedriver = executable("chromedriver");
        Assume.assumeTrue("browser tests skipped: Chromium is not installed here (chromium "
                + (chromium == null ? "missing" : "found") + ", chromedriver " + (chromedriver == null ? "missing"
                : "found") + "); scripts/install-browser installs both", chromium != null && chromedriver != null);
        if (!Files.isRegularFile(UI_VENDOR.resolve("aui/aui-prototyping.css"))
                || !Files.isRegularFile(UI_VENDOR.resolve("axe/axe.min.js"))) {
            Process fetch = new ProcessBuilder("scripts/fetch-ui-vendor").inheritIO().start();
            if (!fetch.waitFor(5, TimeUnit.MINUTES) || fetch.exitValue() != 0) {
                fail("AUI and axe-core are missing from " + UI_VENDOR
                        + " and scripts/fetch-ui-vendor could not fetch them");
            }
        }
    }

    /** A new browser with a profile of its own (call {@link #assumeInstalled} first). */
    public static Chromium start() throws IOException {
        return new Chromium(executable("chromium", "chromium-browser"), executable("chromedriver"));
    }

    /** The first of these programs on the PATH, or null. */
    public static File executable(String... names) {
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

    public ChromeDriver driver() {
        return driver;
    }

    /** axe-core over the whole page: no serious or critical violation; the findings kept as PAGE-axe.json. */
    public void checkAccessibility(String page) throws IOException {
        checkAccessibility(driver, page);
    }

    /** The same for a browser a test started itself. */
    public static void checkAccessibility(ChromeDriver driver, String page) throws IOException {
        String axe = Files.readString(UI_VENDOR.resolve("axe/axe.min.js"), StandardCharsets.UTF_8);
        JavascriptExecutor js = driver;
        // axe-core takes seconds on a busy machine, more than ChromeDriver's default wait for a script
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
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
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve(page.replace(' ', '-') + "-axe.json"), text);
        assertTrue(page + ": axe-core finds serious violations: " + blocking, blocking.isEmpty());
    }

    /**
     * What the browser's console reported as errors since the last call: uncaught script errors and resources that
     * failed to load.
     */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * The page's first screen as NAME-top.png (what the README shows), then the whole page as NAME.png: the window
     * stretched to the document's height (capped), then shot.
     */
    public void screenshot(String name) throws IOException {
        screenshot(driver, name);
    }

    /** The same for a browser a test started itself. */
    public static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + "-top.png"), driver.getScreenshotAs(OutputType.BYTES));
        stretch(driver);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The window as tall as the document (capped), so that a shot holds the whole page. */
    private static void stretch(ChromeDriver driver) {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 12000)));
    }

    /** One element of the page as NAME.png, the window first stretched so that the whole element is on screen. */
    public void screenshot(By element, String name) throws IOException {
        stretch(driver);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.findElement(element).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
