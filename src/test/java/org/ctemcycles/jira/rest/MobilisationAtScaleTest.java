package org.ctemcycles.jira.rest;

import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.scheduler.status.RunOutcome;
import com.google.gson.JsonObject;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.jira.tracker.IssueEventListener;
import org.ctemcycles.jira.tracker.Reconciliation;
import org.ctemcycles.jira.tracker.TrackerJobs;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.TestScheduler;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.refused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/**
 * Issue 11's "done when", over real HTTP on H2 and PostgreSQL, with the app mobilising through the Jira adapter into
 * the test doubles of Jira's issues (cluster-wide, as Jira's are) on two nodes of one cluster: a lead mobilises 1,000
 * findings in a run; the node working it stops half-way (the app is disabled, the node goes down); then the same
 * request is retried on both nodes at once while the restarted node's job resumes the stopped run. Every finding
 * ends with exactly one Jira issue, opened once across the three runs. Then Jira's changes come back: an issue moved
 * to Done, reopened and deleted is reflected in the register and the log through the event listener, and a change
 * made while no event reached the app is repaired by the reconciliation job. The command line's local tracker is held
 * to the same story by {@code CycleCommandTest#theLocalTrackerWorksBothWaysBetweenRuns} (H2 and PostgreSQL).
 */
@RunWith(Parameterized.class)
public class MobilisationAtScaleTest {

    private static final int FINDINGS = 1_000;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final RestHarness api;

    public MobilisationAtScaleTest(TestDatabase database) {
        api = RestHarness.withJiraAdapter(database, EmbeddedDatabase.Options.app(), MutableClock.on("2026-07-02"));
    }

    @Test
    public void aThousandFindingsGetOneIssueEachThroughAStopAndAConcurrentRetryAndJiraChangesComeBack()
            throws Exception {
        new RecordApi(api).open();
        List<String> findings = new ArrayList<>();
        for (int i = 1; i <= FINDINGS; i++) {
            findings.add(String.format("F-%016x", i));
        }
        api.services().record().mobilisation().enrol(RecordApi.KEY, findings, RecordApi.LEAD_KEY);
        String request = request(findings);

        // only a lead starts a run, and only with Jira's XSRF header on a form-like body
        refused(403, "forbidden", api.post("engineer", BASE + "/mobilisations", request));
        Reply plain = api.send("lead", api.request(BASE + "/mobilisations").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(request)));
        assertEquals(plain.toString(), 403, plain.status());
        assertEquals(0, api.jiraIssues.createdCount());

        // node one works the run until some 100 findings have their issue, then stops
        RestHarness one = api.secondNode(EmbeddedDatabase.Options.app());
        Reply started = one.post("lead", BASE + "/mobilisations", request);
        JsonObject first = ok(202, started);
        assertTrue(started.location(), started.location().endsWith(BASE + "/mobilisations/"
                + first.get("id").getAsString()));
        String stoppedRun = first.get("id").getAsString();
        while (run(stoppedRun).get("mobilised").getAsInt() < 100) {
            Thread.sleep(5);
        }
        one.close();
        JsonObject halfway = run(stoppedRun);
        assertEquals("running", halfway.get("state").getAsString());
        int done = halfway.get("mobilised").getAsInt();
        assertTrue(halfway.toString(), done >= 100 && done < FINDINGS && halfway.get("pending").getAsInt() > 0);
        // a finding whose issue Jira has and whose outcome was not yet stored is at most one batch
        assertTrue(api.jiraIssues.createdCount() + " issues, " + done + " outcomes",
                api.jiraIssues.createdCount() >= done && api.jiraIssues.createdCount() <= done + 50);

        // the node restarts; the lead's retry reaches both nodes at once while the restarted node's job resumes
        RestHarness restarted = api.secondNode(EmbeddedDatabase.Options.app());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> retries = new ArrayList<>();
            for (RestHarness node : List.of(api, restarted)) {
                retries.add(threads.submit(() -> {
                    go.await();
                    return node.post("lead", BASE + "/mobilisations", request);
                }));
            }
            go.countDown();
            assertEquals(1, restarted.worker().resumeUnfinished());
            List<String> runs = new ArrayList<>(List.of(stoppedRun));
            for (Future<Reply> retry : retries) {
                runs.add(ok(202, retry.get()).get("id").getAsString());
            }
            restarted.awaitMobilisations();
            api.awaitMobilisations();

            Map<String, Integer> opened = new HashMap<>();
            for (String id : runs) {
                JsonObject finished = run(id);
                assertEquals(finished.toString(), "finished", finished.get("state").getAsString());
                assertEquals(FINDINGS, finished.get("mobilised").getAsInt());
                assertEquals(0, finished.get("failed").getAsInt());
                for (JsonObject item : all("/mobilisations/" + id + "/items")) {
                    String outcome = item.get("outcome").getAsString();
                    assertTrue(item.toString(), Set.of("opened", "unchanged").contains(outcome));
                    if (outcome.equals("opened")) {
                        opened.merge(item.get("finding").getAsString(), 1, Integer::sum);
                    }
                }
            }
            assertEquals("each finding opened once across the three runs", FINDINGS, opened.size());
            assertTrue(opened.values().stream().allMatch(n -> n == 1));
        } finally {
            threads.shutdownNow();
            restarted.close();
        }
        assertEquals("no duplicates in Jira", FINDINGS, api.jiraIssues.createdCount());
        List<JsonObject> register = all("/register");
        assertEquals(FINDINGS, register.size());
        Set<String> issueIds = register.stream().map(e -> e.get("trackerIssueId").getAsString())
                .collect(Collectors.toSet());
        assertEquals("one issue for each finding", FINDINGS, issueIds.size());
        assertEquals(FINDINGS, logged("MOBILISED"));
        assertEquals(3, logged("MOBILISATION_REQUESTED"));
        assertEquals(3, logged("MOBILISATION_FINISHED"));

        // Jira's changes come back through the listener: Done, reopened, deleted
        FakeJiraIssues jira = api.jiraIssues;
        IssueEventListener listener = api.listener();
        listener.start();
        try {
            String fixed = issue(register, findings.get(0));
            jira.transition(fixed, jira.done, "Done", api.jira.engineer);
            JsonObject resolved = entry(findings.get(0));
            assertEquals("RESOLVED", resolved.get("status").getAsString());
            assertEquals("done", resolved.get("trackerStatus").getAsString());
            List<String> toDone = byTracker(findings.get(0));
            assertEquals(toDone.toString(), "RESOLVED", toDone.get(toDone.size() - 1));
            assertEquals("Done asks for a retest: a fix in Jira is not closure", 1, logged("RETEST_REQUESTED"));
            jira.transition(fixed, jira.toDo, null, api.jira.engineer);
            JsonObject reopened = entry(findings.get(0));
            assertNotEquals("RESOLVED", reopened.get("status").getAsString());
            assertEquals("to-do", reopened.get("trackerStatus").getAsString());
            List<String> back = byTracker(findings.get(0));
            assertEquals(back.toString(), toDone.size() + 1, back.size());
            assertEquals(reopened.get("status").getAsString(), back.get(back.size() - 1));

            String deleted = issue(register, findings.get(1));
            jira.delete(deleted, api.jira.engineer);
            JsonObject unlinked = entry(findings.get(1));
            assertTrue(unlinked.get("trackerIssueId").isJsonNull());
            assertFalse(unlinked.get("decisionNeeded").isJsonNull());
            assertEquals(1, logged("TRACKER_ISSUE_DELETED"));

            // a change no event brought (the app was disabled) stays unseen until the reconciliation job runs
            String missed = issue(register, findings.get(2));
            jira.quietly(() -> jira.transition(missed, jira.done, "Done", api.jira.engineer));
            assertEquals("OPEN", entry(findings.get(2)).get("status").getAsString());
            TestScheduler scheduler = new TestScheduler();
            TrackerJobs jobs = new TrackerJobs(scheduler.node("node-two"), jira.events,
                    new Reconciliation(api.services(), new TestClusterLocks().node("node-two")), api.worker());
            jobs.start();
            try {
                jira.events.publish(new PluginEnabledEvent(() -> TrackerJobs.PLUGIN_KEY));
                assertEquals(RunOutcome.SUCCESS, scheduler.trigger(TrackerJobs.RECONCILE_JOB).get(0)
                        .getRunOutcome());
            } finally {
                jobs.stop();
            }
            assertEquals("RESOLVED", entry(findings.get(2)).get("status").getAsString());
            List<String> repaired = byTracker(findings.get(2));
            assertEquals(repaired.toString(), "RESOLVED", repaired.get(repaired.size() - 1));
            assertEquals(1, logged("TRACKER_RECONCILED"));
        } finally {
            listener.stop();
        }
        assertFalse(api.jiraIssues.issues().isEmpty());
        assertEquals("nothing Jira did made a second issue", FINDINGS, api.jiraIssues.createdCount());
    }

    private static String request(List<String> findings) {
        return "{\"findings\":[" + findings.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(","))
                + "],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-08-01\",\"verificationStep\":\"rescan\"}";
    }

    private JsonObject run(String id) {
        return ok(200, api.get("engineer", BASE + "/mobilisations/" + id));
    }

    private JsonObject entry(String finding) {
        return all("/register").stream().filter(e -> e.get("finding").getAsString().equals(finding)).findFirst()
                .orElseThrow();
    }

    /** The statuses the log shows the finding taking with the tracker as their cause, in order. */
    private List<String> byTracker(String finding) {
        return all("/log").stream().filter(e -> e.get("action").getAsString().equals("STATUS_CHANGED")
                        && e.get("subject").getAsString().endsWith(finding)
                        && e.get("after").getAsString().contains("TRACKER"))
                .map(e -> e.get("after").getAsString().replaceAll("(?s).*\"status\":\"([A-Z_]+)\".*", "$1")).toList();
    }

    private static String issue(List<JsonObject> register, String finding) {
        return register.stream().filter(e -> e.get("finding").getAsString().equals(finding)).findFirst()
                .orElseThrow().get("trackerIssue").getAsString();
    }

    private long logged(String action) {
        return all("/log").stream().filter(e -> e.get("action").getAsString().equals(action)).count();
    }

    /** Every item of a paged list of the cycle as the lead reads it. */
    private List<JsonObject> all(String path) {
        List<JsonObject> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        do {
            JsonObject page = ok(200, api.get("lead", BASE + path + "?limit=500"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))));
            page.getAsJsonArray("items").forEach(i -> all.add(i.getAsJsonObject()));
            after = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
            assertTrue("a cursor seen twice", after == null || cursors.add(after));
        } while (after != null);
        return all;
    }
}
