package org.ctemcycles.jira.fields;

import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.TestEventPublisher;
import org.ctemcycles.testing.TestScheduler;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Jira's index of the CTEM fields follows the record (H2 and PostgreSQL): a change asks for a re-index in its own
 * transaction with one insert (a ranking of 10,000 findings too, and nothing is indexed in that request), and the
 * job, once per cluster under a lock, re-indexes the issues in batches across runs, each issue of a request once.
 */
@RunWith(Parameterized.class)
public class FieldIndexJobTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private final TestScheduler scheduler = new TestScheduler();
    private final TestClusterLocks locks = new TestClusterLocks();
    /** Every issue id the job handed Jira's indexing service, in order. */
    private final List<Long> indexed = new ArrayList<>();

    public FieldIndexJobTest(TestDatabase database) {
        this.database = database;
    }

    private FieldIndexJob job(FieldsRig rig, String node, int batch, int perRun) {
        return new FieldIndexJob(scheduler.node(node), new TestEventPublisher(), locks.node(node),
                rig.services.reindexQueue(), ids -> {
                    indexed.addAll(ids);
                    return ids.size();
                }, batch, perRun);
    }

    /** {@code count} findings entered by key and mobilised into Jira issues; their issue ids. */
    private static List<Long> mobilised(FieldsRig rig, int count) {
        List<String> keys = IntStream.range(0, count).mapToObj(i -> String.format(Locale.ROOT, "F-%04d", i))
                .toList();
        rig.services.record().mobilisation().enrol(FieldsRig.CYCLE, keys, rig.lead);
        return keys.stream().map(key -> Long.valueOf(rig.mobilise(key, "2026-12-01").trackerIssueId())).toList();
    }

    /** Runs the job until a run finds nothing to do (what mobilisation asked for, before a test's change). */
    private static void drain(FieldIndexJob job) {
        for (int i = 0; i < 1000; i++) {
            if (job.run().getMessage().startsWith("re-indexed 0 issues")) {
                return;
            }
        }
        fail("the queue never emptied");
    }

    @Test
    public void reprioritisingTenThousandFindingsOnlyEnqueuesOneRequest() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            List<Long> issues = mobilised(rig, 3);
            List<String> more = IntStream.range(3, 10_000).mapToObj(i -> String.format(Locale.ROOT, "F-%05d", i))
                    .toList();
            rig.services.record().mobilisation().enrol(FieldsRig.CYCLE, more, rig.lead);
            FieldIndexJob job = job(rig, "node-1", 100, 1000);
            drain(job);
            indexed.clear();

            rig.counting.reset();
            rig.rank();
            List<String> queueSql = rig.counting.statements().stream()
                    .filter(sql -> sql.toUpperCase(Locale.ROOT).contains("REINDEX_REQUEST")).toList();
            assertEquals(10_000, rig.services.record().queue().queue(FieldsRig.CYCLE).size());
            // one insert into the queue for 10,000 findings (on PostgreSQL, Active Objects takes the id from the
            // table's sequence first)
            List<String> inserts = queueSql.stream().filter(sql -> sql.toUpperCase(Locale.ROOT).startsWith("INSERT"))
                    .toList();
            assertEquals("one insert: " + queueSql, 1, inserts.size());
            assertTrue("nothing else but the id: " + queueSql, queueSql.stream().allMatch(sql -> inserts.contains(sql)
                    || sql.toUpperCase(Locale.ROOT).startsWith("SELECT NEXTVAL")));
            assertTrue(queueSql.toString(), queueSql.size() <= 2);
            assertEquals("nothing is indexed in the request", List.of(), indexed);
            assertEquals(1, rig.services.reindexQueue().pending());

            job.run();
            assertEquals("the job re-indexes the cycle's issues, each once", Set.copyOf(issues),
                    new HashSet<>(indexed));
            assertEquals(issues.size(), indexed.size());
            assertEquals(0, rig.services.reindexQueue().pending());
        }
    }

    @Test
    public void theJobWorksThroughALargeCycleInBatchesAcrossRuns() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            List<Long> issues = mobilised(rig, 25);
            FieldIndexJob job = job(rig, "node-1", 10, 20);
            drain(job);
            indexed.clear();

            rig.rank();
            rig.rank();   // a second ranking before the job ran: one pass serves both
            JobRunnerResponse first = job.run();
            assertEquals(first.getMessage(), "re-indexed 20 issues in 2 batches", first.getMessage());
            assertEquals(issues.subList(0, 20), indexed);
            assertEquals("the cycle's request stays, past the first 20", 1, rig.services.reindexQueue().pending());
            JobRunnerResponse second = job.run();
            assertEquals(second.getMessage(), issues, indexed);
            assertEquals(0, rig.services.reindexQueue().pending());
            assertEquals("re-indexed 0 issues in 0 batches", job.run().getMessage());
        }
    }

    @Test
    public void aValidationOrAStatusChangeAsksForItsFindingsIssueOnly() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            List<Long> issues = mobilised(rig, 3);
            FieldIndexJob job = job(rig, "node-1", 10, 100);
            drain(job);
            indexed.clear();

            rig.services.record().validation().record(FieldsRig.CYCLE, "F-0001", new ValidationDraft(
                    "exploit-reproduction", "not-exploitable", "no path", List.of()), rig.lead);
            assertTrue(rig.services.reindexQueue().pending() >= 1);
            job.run();
            assertEquals(List.of(issues.get(1)), indexed.stream().distinct().toList());
        }
    }

    @Test
    public void oneRunPerClusterUnderAStableIdAndNothingWhileAnotherRunHoldsTheLock() throws Exception {
        try (FieldsRig rig = new FieldsRig(database)) {
            FieldIndexJob node1 = job(rig, "node-1", 10, 100);
            FieldIndexJob node2 = job(rig, "node-2", 10, 100);
            node1.start();
            node2.start();
            node1.onPluginEnabled(new PluginEnabledEvent(() -> FieldIndexJob.PLUGIN_KEY));
            node2.onPluginEnabled(new PluginEnabledEvent(() -> FieldIndexJob.PLUGIN_KEY));
            node1.onPluginEnabled(new PluginEnabledEvent(() -> "another.app"));
            assertEquals("one job, however many nodes schedule it", 1, scheduler.jobCount());
            assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, scheduler.job(FieldIndexJob.JOB).getRunMode());
            assertTrue(scheduler.hasRunner("node-2", FieldIndexJob.RUNNER));

            List<Long> issues = mobilised(rig, 2);
            var held = locks.node("node-2").getLockForName(FieldIndexJob.LOCK);
            assertTrue(held.tryLock());
            assertEquals("another run is re-indexing the CTEM fields", node1.run().getMessage());
            assertEquals(List.of(), indexed);
            held.unlock();
            List<JobRunnerResponse> responses = scheduler.trigger(FieldIndexJob.JOB);
            assertEquals(RunOutcome.SUCCESS, responses.get(0).getRunOutcome());
            assertEquals(Set.copyOf(issues), new HashSet<>(indexed));
            node1.stop();
            assertTrue(!scheduler.hasRunner("node-1", FieldIndexJob.RUNNER));
        }
    }
}
