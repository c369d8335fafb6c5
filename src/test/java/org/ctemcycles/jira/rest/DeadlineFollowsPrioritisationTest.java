package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.jira.tracker.IssueEventListener;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * A deadline moved by re-prioritisation reaches the Jira issue, over real HTTP with the Jira adapter on H2 and
 * PostgreSQL: once KEV lists the finding's CVE, ranking the queue again gives it KEV's due date, earlier than the one
 * it was mobilised with (the earliest applicable deadline wins): the register takes it with the rule that set it, the
 * log records it, and the issue's due date follows with a comment saying why that names the log entry; the event of
 * that update changes nothing more. A finding whose decision comes due later than its deadline keeps it.
 */
@RunWith(Parameterized.class)
public class DeadlineFollowsPrioritisationTest {

    private static final Path KEV = Path.of("demo/feeds/known_exploited_vulnerabilities.json");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;

    public DeadlineFollowsPrioritisationTest(TestDatabase database) {
        api = RestHarness.withJiraAdapter(database, EmbeddedDatabase.Options.app(), MutableClock.on("2026-07-02"));
    }

    @Test
    public void anEarlierDeadlineFromReprioritisationMovesTheIssuesDueDateWithACommentSayingWhy() throws IOException {
        List<String> findings = new RecordApi(api).scoped().imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
        // an import enters its findings in the order it writes them, not the report's: tell them apart by the CVE
        String log4shell = findings.stream().filter(key -> ok(200, api.get("lead", BASE + "/findings/" + key))
                .getAsJsonArray("cves").toString().contains("CVE-2021-44228")).findFirst().orElseThrow();
        String other = findings.get(findings.get(0).equals(log4shell) ? 1 : 0);
        ok(200, api.post("lead", BASE + "/queue", "{}"));
        String issue = mobilise(log4shell, "2026-09-30");
        String early = mobilise(other, "2026-07-03");
        IssueEventListener listener = api.listener();
        listener.start();
        try {
            ok(200, api.send("lead", api.request("/feeds/kev").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(KEV)))));
            long trackerChanges = logged("TRACKER_CHANGED");
            ok(200, api.post("lead", BASE + "/queue", "{}"));

            JsonObject moved = entry(log4shell);
            LocalDate deadline = LocalDate.parse(moved.get("deadline").getAsString());
            assertTrue(deadline.toString(), deadline.isBefore(LocalDate.parse("2026-09-30")));
            assertEquals(deadline, api.jiraIssues.byKey(issue).getDueDate().toLocalDateTime().toLocalDate());
            List<JsonObject> changes = entries("DEADLINE_CHANGED");
            assertEquals(1, changes.size());
            assertTrue(changes.get(0).toString(), changes.get(0).get("after").getAsString().contains("KEV"));
            // wiki markup: the record's words come escaped
            String comment = api.jiraIssues.comments(issue).get(api.jiraIssues.comments(issue).size() - 1)
                    .replace("\\", "");
            assertTrue(comment, comment.contains("from 2026-09-30 to " + deadline)
                    && comment.contains("re-prioritisation") && comment.contains("KEV")
                    && comment.contains("Activity log entry " + changes.get(0).get("sequence").getAsLong() + " "));
            assertEquals("the event of the app's own update changes nothing", trackerChanges,
                    logged("TRACKER_CHANGED"));
            assertEquals(deadline.toString(), entry(log4shell).get("deadline").getAsString());

            assertEquals("a later deadline changes nothing", "2026-07-03", entry(other).get("deadline")
                    .getAsString());
            assertEquals(LocalDate.parse("2026-07-03"), api.jiraIssues.byKey(early).getDueDate().toLocalDateTime()
                    .toLocalDate());

            ok(200, api.post("lead", BASE + "/queue", "{}"));
            assertEquals("ranking again with the same facts moves nothing", 1, entries("DEADLINE_CHANGED").size());
        } finally {
            listener.stop();
        }
    }

    private String mobilise(String finding, String deadline) {
        JsonObject mobilised = ok(200, api.post("lead", BASE + "/register/mobilise", "{\"findings\":[\"" + finding
                + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"" + deadline
                + "\",\"verificationStep\":\"rescan\"}"));
        return mobilised.getAsJsonArray("items").get(0).getAsJsonObject().get("trackerIssue").getAsString();
    }

    private JsonObject entry(String finding) {
        return ok(200, api.get("lead", BASE + "/findings/" + finding)).getAsJsonObject("register");
    }

    private long logged(String action) {
        return entries(action).size();
    }

    private List<JsonObject> entries(String action) {
        List<JsonObject> found = new ArrayList<>();
        ok(200, api.get("lead", BASE + "/log?limit=500")).getAsJsonArray("items").forEach(e -> {
            if (e.getAsJsonObject().get("action").getAsString().equals(action)) {
                found.add(e.getAsJsonObject());
            }
        });
        return found;
    }
}
