package org.ctemcycles.jira.admin;

import com.google.gson.Gson;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The scheduled sources on a cycle's page, over real HTTP: each source with its interval, its next run (later while
 * it fails, with the back-off said) and its newest runs (when, result, observations, outcome), the outcome escaped
 * even when it quotes a hostile file name; shown to whoever may read the cycle's work, without the token.
 */
public class CyclePageSourcesTest {

    private static final String PAGE = "CtemCycle.jspa?key=CTEM-1";
    private final MutableClock clock = MutableClock.on("2026-07-02");

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), clock);
    private PageHarness pages;
    private Path drop;

    @Before
    public void aCycleWithAFolderSource() throws IOException {
        pages = new PageHarness(api);
        assertEquals(201, api.post("lead", "/cycles", "{\"key\":\"CTEM-1\",\"name\":\"Q3\",\"start\":\"2026-07-01\","
                + "\"plannedEnd\":\"2026-09-30\",\"projectKey\":\"SEC\"}").status());
        assertEquals(201, api.post("lead", "/cycles/CTEM-1/surfaces", "{\"key\":\"WEB\",\"name\":\"Web tier\","
                + "\"kind\":\"customer-facing system\",\"rules\":[\"host:*.corp.example\"]}").status());
        drop = Files.createDirectories(api.jiraIssues.sharedHome.resolve("ctem").resolve("sources").resolve("drop"));
        String report = "{\"file\":\"scan.jsonl\",\"format\":\"nessus\"}\n" + new Gson().toJson(
                ObservationBuilder.nessus().host("web1.corp.example").ruleId("r1").build()) + "\n";
        Files.writeString(drop.resolve("a-scan.jsonl"), report, StandardCharsets.UTF_8);
    }

    private String runNow() {
        return api.send("lead", api.request("/cycles/CTEM-1/sources/1/run").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.noBody())).body();
    }

    @Test
    public void eachSourceShowsItsLastRunsAndNextRunWithTheOutcomeEscaped() throws IOException {
        assertTrue(pages.get("lead", PAGE).body().contains("id=\"ctem-no-sources\""));
        assertEquals(201, api.post("lead", "/cycles/CTEM-1/sources", "{\"name\":\"nightly <drop>\","
                + "\"folder\":\"drop\",\"every\":\"6h\",\"covers\":[\"WEB\"],\"format\":\"ctem-jsonl\"}").status());
        String before = pages.get("engineer", PAGE).body();
        assertTrue(before, before.contains("id=\"ctem-sources\""));
        assertTrue(before.contains("Not run yet.") && before.contains("due now"));

        assertTrue(runNow().contains("imported as run"));
        // a file whose name is markup, and content that is not a report: the outcome quotes the name
        Files.writeString(drop.resolve("<img src=x onerror=alert(1)>.jsonl"), "{\"broken\":", StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(10));
        assertTrue(runNow().contains("rejected"));

        String html = pages.get("engineer", PAGE).body();
        int start = html.indexOf("id=\"ctem-sources\"");
        String table = html.substring(start, html.indexOf("</table>", start));
        assertTrue(table, table.contains("nightly &lt;drop&gt;"));
        assertTrue("the folder by its name under ctem/sources/", table.contains("<span class=\"ctem-when\">drop</span>"));
        assertFalse("never the shared home's path", html.contains(api.jiraIssues.sharedHome.toString()));
        assertTrue(table, table.contains("<td data-source-kind=\"folder\">Folder (under ctem/sources/)</td>"));
        assertTrue(table.contains("<td>6h</td>"));
        assertTrue("the next run, six hours after the last", table.contains(
                clock.instant().plus(Duration.ofHours(6)).toString()));
        assertTrue("newest first", table.indexOf("partly rejected") < table.indexOf(">ran<"));
        assertTrue(table, table.contains("a-scan.jsonl: imported as run 1 (1 observations, 1 new findings)"));
        assertTrue(table.contains("1 observations"));
        assertTrue("when the newest run ran", table.contains("</span> " + clock.instant() + ", "));
        assertFalse("the outcome is escaped", table.contains("<img"));
        assertTrue(table, table.contains("&lt;img src=x onerror=alert(1)&gt;.jsonl: rejected, nothing stored"));
        String outsider = pages.get("outsider", PAGE).body();
        assertTrue("the outsider gets the permission page", outsider.contains("id=\"permission-violation\"")
                && !outsider.contains("ctem-sources"));
    }
}
