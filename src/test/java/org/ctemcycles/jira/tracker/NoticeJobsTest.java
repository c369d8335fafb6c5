package org.ctemcycles.jira.tracker;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.MailQueueItem;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.TestScheduler;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The notices inside Jira, on H2 and PostgreSQL: the job lives and dies with the app and is scheduled once per
 * cluster under a stable id; an owner's notice is a comment on the exposure's issue that mentions the owner, the
 * leads' digest a mail on Jira's mail queue; a second run, on any node, sends nothing again; a run finding the
 * cluster lock held leaves the work; a mail the queue refused is sent by the next run.
 */
@RunWith(Parameterized.class)
public class NoticeJobsTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final OpenDatabase db;

    private FakeJira jira;
    private FakeJiraIssues issues;
    private MutableClock clock;
    private CtemServices services;
    private JiraIssueTracker tracker;
    private final TestScheduler scheduler = new TestScheduler();
    private final TestClusterLocks locks = new TestClusterLocks();
    private final List<MailQueueItem> queued = new CopyOnWriteArrayList<>();
    private final AtomicBoolean queueDown = new AtomicBoolean();
    private final MailQueue mail = item -> {
        if (queueDown.get()) {
            throw new IllegalStateException("mail queue unavailable");
        }
        queued.add(item);
    };
    private RegisterEntry entry;

    public NoticeJobsTest(TestDatabase database) {
        db = new OpenDatabase(database);
    }

    @Before
    public void setUp() {
        JiraTrackerRig rig = new JiraTrackerRig(db.ao());
        jira = rig.jira;
        issues = rig.issues;
        clock = rig.clock;
        services = rig.services;
        tracker = rig.tracker;
        services.record().mobilisation().enrol("CTEM-1", List.of("F-1"), rig.lead);
        entry = services.record().mobilisation().mobilise("CTEM-1", "F-1",
                new MobilisationDraft(jira.engineer.getKey(), "2026-08-01", "CHG-1", "", "rescan"), rig.lead);
    }

    private NoticeJobs node(String name) {
        NoticeJobs jobs = new NoticeJobs(scheduler.node(name), issues.events, locks.node(name), mail, services,
                tracker, issues.api());
        jobs.start();
        return jobs;
    }

    private List<Email> mails() {
        return queued.stream().map(i -> ((SingleMailQueueItem) i).getEmail()).toList();
    }

    private RunOutcome trigger() {
        return scheduler.trigger(NoticeJobs.NOTICES_JOB).get(0).getRunOutcome();
    }

    private long logged() {
        return services.record().log().chain("CTEM-1").stream().filter(e -> e.is(LogAction.NOTICE_SENT)).count();
    }

    @Test
    public void theJobIsScheduledOncePerClusterUnderAStableId() {
        NoticeJobs one = node("node-1");
        NoticeJobs two = node("node-2");
        assertTrue(scheduler.hasRunner("node-2", NoticeJobs.NOTICES));
        issues.events.publish(new PluginEnabledEvent(() -> "com.example.other-app"));
        assertEquals(0, scheduler.jobCount());
        issues.events.publish(new PluginEnabledEvent(() -> TrackerJobs.PLUGIN_KEY));
        issues.events.publish(new PluginEnabledEvent(() -> TrackerJobs.PLUGIN_KEY));
        assertEquals(1, scheduler.jobCount());
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, scheduler.job(NoticeJobs.NOTICES_JOB).getRunMode());
        one.stop();
        two.stop();
        assertFalse(scheduler.hasRunner("node-1", NoticeJobs.NOTICES));
        assertEquals(List.of(), scheduler.trigger(NoticeJobs.NOTICES_JOB));
    }

    @Test
    public void theOwnerIsMentionedOnTheIssueAndTheLeadMailedOnceWhicheverNodeRuns() {
        NoticeJobs one = node("node-1");
        issues.events.publish(new PluginEnabledEvent(() -> TrackerJobs.PLUGIN_KEY));
        clock.setDay("2026-07-25");
        assertEquals(RunOutcome.SUCCESS, trigger());
        List<String> comments = issues.comments(entry.trackerIssue());
        String comment = comments.get(comments.size() - 1);
        assertTrue(comment, comment.startsWith("[~engineer] The deadline of exposure F\\-1 in cycle CTEM\\-1 is"
                + " 2026\\-08\\-01, 7 days from now."));
        assertEquals(1, mails().size());
        Email digest = mails().get(0);
        assertEquals("lead@example.com", digest.getTo());
        assertEquals("[CTEM] Cycle CTEM-1: digest for 2026-07-25", digest.getSubject());
        assertEquals("text/plain", digest.getMimeType());
        assertTrue(digest.getBody(), digest.getBody().contains("1 due this week")
                && digest.getBody().contains("- F-1 (" + entry.trackerIssue() + "), deadline 2026-08-01, owner "
                + jira.engineer.getKey()));
        assertEquals(2, logged());

        // the same day again, on the other node after the first stopped: nothing is repeated
        int commentsBefore = issues.comments(entry.trackerIssue()).size();
        one.stop();
        node("node-2");
        assertEquals(RunOutcome.SUCCESS, trigger());
        assertEquals(commentsBefore, issues.comments(entry.trackerIssue()).size());
        assertEquals(1, mails().size());

        // the deadline passed: a new threshold, a new day's digest
        clock.setDay("2026-08-02");
        assertEquals(RunOutcome.SUCCESS, trigger());
        String passed = issues.comments(entry.trackerIssue()).get(commentsBefore);
        assertTrue(passed, passed.startsWith("[~engineer] The deadline of exposure F\\-1") && passed.contains(
                "has passed"));
        assertEquals(2, mails().size());
        assertEquals(4, logged());
    }

    @Test
    public void aRunFindingTheLockHeldLeavesTheWorkAndAFailedMailIsSentByTheNextRun() {
        node("node-1");
        issues.events.publish(new PluginEnabledEvent(() -> TrackerJobs.PLUGIN_KEY));
        clock.setDay("2026-07-31");
        var held = locks.node("node-2").getLockForName(NoticeJobs.LOCK);
        assertTrue(held.tryLock());
        int commentsBefore = issues.comments(entry.trackerIssue()).size();
        assertEquals(RunOutcome.ABORTED, trigger());
        assertEquals(commentsBefore, issues.comments(entry.trackerIssue()).size());
        held.unlock();

        queueDown.set(true);
        assertEquals("a failed delivery is no failed job", RunOutcome.SUCCESS, trigger());
        assertEquals("the comment went", commentsBefore + 1, issues.comments(entry.trackerIssue()).size());
        assertEquals(0, mails().size());
        assertEquals("only what was delivered is recorded", 1, services.record().notices().sent("CTEM-1").size());

        queueDown.set(false);
        assertEquals(RunOutcome.SUCCESS, trigger());
        assertEquals(1, mails().size());
        assertEquals(commentsBefore + 1, issues.comments(entry.trackerIssue()).size());
        assertEquals(2, services.record().notices().sent("CTEM-1").size());
    }
}
