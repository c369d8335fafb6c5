package org.ctemcycles.jira.tracker;

import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.MobilisationRun;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RunItem;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.TestScheduler;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The tracker's life with the app's: the event listener and the job runners registered when the app starts and
 * unregistered when it stops, the two jobs scheduled under stable ids once per cluster, the reconciliation job
 * repairing what no event brought and skipping a cycle another node holds, and a bulk mobilisation run stopped
 * mid-way on one node and resumed by the job on another without any finding getting a second issue.
 */
@RunWith(Parameterized.class)
public class TrackerJobsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final OpenDatabase db;

    private FakeJira jira;
    private FakeJiraIssues issues;
    private final TestScheduler scheduler = new TestScheduler();
    private final TestClusterLocks locks = new TestClusterLocks();
    private final List<MobilisationWorker> workers = new ArrayList<>();
    private CtemServices services;
    private IssueEventListener listener;
    private String lead;

    public TrackerJobsTest(TestDatabase database) {
        db = new OpenDatabase(database);
    }

    @Before
    public void setUp() {
        JiraTrackerRig rig = new JiraTrackerRig(db.ao());
        jira = rig.jira;
        issues = rig.issues;
        lead = rig.lead;
        services = rig.services;
        listener = rig.listener;
    }

    @After
    public void stopWorkers() {
        workers.forEach(MobilisationWorker::stop);
    }

    private TrackerJobs node(String name) {
        MobilisationWorker worker = new MobilisationWorker(services, locks.node(name), 1);
        workers.add(worker);
        return new TrackerJobs(scheduler.node(name), issues.events, new Reconciliation(services, locks.node(name)),
                worker);
    }

    private static PluginEnabledEvent enabled(String key) {
        return new PluginEnabledEvent(() -> key);
    }

    private MobilisationDraft draft() {
        return new MobilisationDraft(jira.engineer.getKey(), "2026-08-01", "CHG-1", "", "rescan");
    }

    @Test
    public void theListenerAndTheJobsLiveAndDieWithTheApp() {
        listener.start();
        assertTrue(issues.events.registered(listener));
        listener.stop();
        assertFalse(issues.events.registered(listener));

        TrackerJobs one = node("node-1");
        one.start();
        TrackerJobs two = node("node-2");
        two.start();
        assertTrue(scheduler.hasRunner("node-1", TrackerJobs.RECONCILE));
        assertTrue(scheduler.hasRunner("node-2", TrackerJobs.RESUME));
        issues.events.publish(enabled("com.example.other-app"));
        assertEquals("another app's start schedules nothing", 0, scheduler.jobCount());
        issues.events.publish(enabled(TrackerJobs.PLUGIN_KEY));
        issues.events.publish(enabled(TrackerJobs.PLUGIN_KEY));
        assertEquals("stable ids: starting again replaces the jobs", 2, scheduler.jobCount());
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, scheduler.job(TrackerJobs.RECONCILE_JOB).getRunMode());
        assertEquals(1, scheduler.trigger(TrackerJobs.RECONCILE_JOB).size());
        one.stop();
        two.stop();
        assertFalse(scheduler.hasRunner("node-1", TrackerJobs.RECONCILE));
        assertEquals("no node can run it", List.of(), scheduler.trigger(TrackerJobs.RECONCILE_JOB));
    }

    @Test
    public void theReconciliationJobRepairsMissedEventsAndLeavesACycleAnotherNodeHolds() {
        listener.start();
        services.record().mobilisation().enrol("CTEM-1", List.of("F-1"), lead);
        RegisterEntry entry = services.record().mobilisation().mobilise("CTEM-1", "F-1", draft(), lead);
        issues.quietly(() -> issues.transition(entry.trackerIssue(), issues.done, "Done", jira.engineer));
        TrackerJobs one = node("node-1");
        one.start();
        issues.events.publish(enabled(TrackerJobs.PLUGIN_KEY));

        var held = locks.node("node-2").getLockForName(Reconciliation.LOCK_PREFIX + "CTEM-1");
        assertTrue(held.tryLock());
        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(TrackerJobs.RECONCILE_JOB).get(0).getRunOutcome());
        assertEquals(FindingStatus.OPEN, services.record().mobilisation().entry("CTEM-1", "F-1").status());
        held.unlock();

        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(TrackerJobs.RECONCILE_JOB).get(0).getRunOutcome());
        assertEquals(FindingStatus.RESOLVED, services.record().mobilisation().entry("CTEM-1", "F-1").status());
        one.stop();
    }

    @Test
    public void aRunStoppedMidWayIsResumedByTheJobAndNoFindingGetsASecondIssue() throws Exception {
        List<String> findings = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            findings.add(String.format("F-%016x", i));
        }
        services.record().mobilisation().enrol("CTEM-1", findings, lead);
        List<String> requested = new ArrayList<>(findings);
        requested.add("F-missing");
        MobilisationRun run = services.record().mobilisationRuns().start("CTEM-1", requested, draft(), lead);

        // node 1 works some 30 findings, then stops (the app is disabled, the node goes down)
        AtomicInteger budget = new AtomicInteger(30);
        MobilisationRun stopped = services.record().mobilisationRuns().work(run.id(), 20,
                () -> budget.getAndDecrement() > 0);
        assertFalse(stopped.finished());
        assertTrue(String.valueOf(stopped.mobilised()), stopped.mobilised() > 20 && stopped.mobilised() < 60);
        assertEquals(stopped.mobilised(), issues.createdCount());

        TrackerJobs two = node("node-2");
        two.start();
        issues.events.publish(enabled(TrackerJobs.PLUGIN_KEY));
        assertEquals(RunOutcome.SUCCESS, scheduler.trigger(TrackerJobs.RESUME_JOB).get(0).getRunOutcome());
        MobilisationRun finished = awaitFinished(run.id());
        assertEquals(61, finished.total());
        assertEquals(60, finished.mobilised());
        assertEquals(1, finished.failed());
        assertEquals(60, issues.createdCount());
        List<RunItem> items = services.record().mobilisationRuns().items("CTEM-1", run.id(), 0, 500);
        Set<String> keys = new HashSet<>();
        items.stream().filter(i -> i.outcome() == RunItem.Outcome.OPENED).forEach(i -> keys.add(i.issueKey()));
        assertEquals(60, keys.size());
        RunItem missing = items.get(items.size() - 1);
        assertEquals(RunItem.Outcome.FAILED, missing.outcome());
        assertEquals("finding", missing.problems().get(0).field());

        // the same request again (a retry): every item finds its issue
        MobilisationRun again = services.record().mobilisationRuns().start("CTEM-1", findings, draft(), lead);
        services.record().mobilisationRuns().work(again.id(), 20, () -> true);
        assertEquals(60, issues.createdCount());
        assertTrue(services.record().mobilisationRuns().items("CTEM-1", again.id(), 0, 500).stream()
                .allMatch(i -> i.outcome() == RunItem.Outcome.UNCHANGED));
        two.stop();
    }

    private MobilisationRun awaitFinished(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            MobilisationRun run = services.record().mobilisationRuns().find("CTEM-1", runId);
            if (run.finished()) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }
}
