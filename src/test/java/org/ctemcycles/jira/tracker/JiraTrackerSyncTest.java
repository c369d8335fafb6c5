package org.ctemcycles.jira.tracker;

import com.atlassian.jira.issue.MutableIssue;
import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.ExposureBrief;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.ReconciliationReport;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.store.AoRegisterRepository;
import org.ctemcycles.store.AoTransactions;
import org.ctemcycles.store.TrackerLinkEntity;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestClusterLocks;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Mobilisation into Jira and the way back, end to end below HTTP: the record's services over Active Objects (H2 and
 * PostgreSQL), the Jira adapter over the test doubles of Jira's services, the event listener registered with the
 * test event publisher, and reconciliation under a cluster lock. Each change a Jira user makes must reach the
 * register with the tracker as its cause in the activity log; a change no event brought is repaired by
 * reconciliation.
 */
@RunWith(Parameterized.class)
public class JiraTrackerSyncTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final OpenDatabase db;

    private FakeJira jira;
    private FakeJiraIssues issues;
    private CtemServices services;
    private JiraIssueTracker tracker;
    private TrackerSettings settings;
    private IssueEventListener listener;
    private Reconciliation reconciliation;
    private String lead;
    private JiraTrackerRig rig;

    public JiraTrackerSyncTest(TestDatabase database) {
        db = new OpenDatabase(database);
    }

    @Before
    public void setUp() {
        rig = new JiraTrackerRig(db.ao());
        jira = rig.jira;
        issues = rig.issues;
        lead = rig.lead;
        settings = rig.settings;
        tracker = rig.tracker;
        services = rig.services;
        listener = rig.listener;
        listener.start();
        reconciliation = new Reconciliation(services, new TestClusterLocks().node("node-1"));
        services.record().mobilisation().enrol("CTEM-1", List.of("F-1", "F-2", "F-3"), lead);
    }

    @After
    public void tearDown() {
        listener.stop();
    }

    private RegisterEntry mobilise(String finding) {
        return mobilise(services, finding);
    }

    private RegisterEntry mobilise(CtemServices node, String finding) {
        return node.record().mobilisation().mobilise("CTEM-1", finding, new MobilisationDraft(
                jira.engineer.getKey(), "2026-08-01", "CHG-1", "", "rerun the scan"), lead);
    }

    private RegisterEntry entry(String finding) {
        return services.record().mobilisation().entry("CTEM-1", finding);
    }

    private List<LogEntry> logAbout(String finding, LogAction action) {
        return services.record().log().chain("CTEM-1").stream()
                .filter(e -> e.subject().endsWith(finding) && e.is(action)).toList();
    }

    @Test
    public void aMobilisedFindingGetsAJiraIssueWhoseIdTheRegisterKeepsAndFindsByIndex() {
        RegisterEntry entry = mobilise("F-1");
        MutableIssue issue = issues.byKey(entry.trackerIssue());
        assertEquals(String.valueOf(issue.getId()), entry.trackerIssueId());
        assertEquals("SEC", issue.getProjectObject().getKey());
        assertEquals(jira.engineer.getKey(), issue.getAssigneeId());
        assertEquals(LocalDate.parse("2026-08-01"), issue.getDueDate().toLocalDateTime().toLocalDate());
        assertEquals(jira.exposure.getId(), issue.getIssueType().getId());
        assertTrue(issues.labels(issue.getKey()).contains("ctem"));
        assertEquals(List.of(entry), new AoRegisterRepository(db.ao()).byTrackerIssue(entry.trackerIssueId()));
        // the app's own creation and update events change nothing in the register
        assertEquals(entry, entry("F-1"));
    }

    @Test
    public void mobilisingAgainOrConcurrentlyNeverMakesASecondIssue() throws Exception {
        RegisterEntry first = mobilise("F-1");
        assertEquals(first.trackerIssueId(), mobilise("F-1").trackerIssueId());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RegisterEntry>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<RegisterEntry> call = () -> {
                    start.await();
                    return mobilise("F-2");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<RegisterEntry> result : results) {
                ids.add(result.get().trackerIssueId());
            }
            assertEquals(List.of(entry("F-2").trackerIssueId()), ids.stream().distinct().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, issues.createdCount());
    }

    @Test
    public void aNodeDyingAfterJiraKeptTheIssueAndItsLinkLeavesNoSecondIssueOnRetry() {
        issues.failAfterNextProperty(JiraIssueTracker.ISSUE_ENTITY, new IllegalStateException("node stopped"));
        try {
            mobilise("F-1");
            fail();
        } catch (IllegalStateException expected) {
            assertEquals("", entry("F-1").trackerIssueId());
        }
        RegisterEntry retried = mobilise("F-1");
        assertEquals(1, issues.createdCount());
        assertEquals(String.valueOf(issues.issues().get(0).getId()), retried.trackerIssueId());
    }

    @Test
    public void aNodeDyingBetweenJiraCreatingTheIssueAndTheAppsWriteLeavesNoSecondIssueWhenAnotherNodeRetries() {
        issues.failAfterNextCreate(new IllegalStateException("node one stopped"));
        try {
            mobilise("F-1");
            fail();
        } catch (IllegalStateException expected) {
            // Jira kept the issue; nothing of the app's own transaction did: no claim, no link, no register change
            assertEquals(1, issues.issues().size());
            assertEquals(null, tracker.linkOf(issues.issues().get(0)));
            assertEquals("", entry("F-1").trackerIssueId());
            assertTrue(logAbout("F-1", LogAction.MOBILISED).isEmpty());
        }
        RegisterEntry retried = mobilise(rig.otherNode(db.ao()).services, "F-1");
        assertOneIssueAdopted(retried);
        assertEquals(retried, mobilise("F-1")); // and again on the first node: nothing new
        assertEquals(1, issues.createdCount());
    }

    @Test
    public void aNodeDyingBetweenJiraCreatingTheIssueAndTheAppsWriteWhileAnotherNodeMobilisesTheSameFinding()
            throws Exception {
        CtemServices nodeTwo = rig.otherNode(db.ao()).services;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<Future<RegisterEntry>> second = new ArrayList<>();
        try {
            // node two asks while node one, having had Jira create the issue, still holds the finding's locks
            issues.failAfterNextCreate(new IllegalStateException("node one stopped"), () -> {
                second.add(pool.submit(() -> mobilise(nodeTwo, "F-1")));
                waitUntilBlockedOrDone(second.get(0));
            });
            try {
                mobilise("F-1");
                fail();
            } catch (IllegalStateException expected) {
                assertEquals(1, second.size());
            }
            assertOneIssueAdopted(second.get(0).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void anIssueCarryingTheMarkerInAnotherProjectIsNotAdopted() {
        issues.failAfterNextCreate(new IllegalStateException("node one stopped"));
        try {
            mobilise("F-1");
            fail();
        } catch (IllegalStateException expected) {
            assertEquals(1, issues.createdCount());
        }
        // the marker can be computed by anyone who knows the finding: an issue elsewhere carrying it is not taken
        MutableIssue elsewhere = issues.issues().get(0);
        issues.moveToProject(elsewhere.getKey(), jira.ops, jira.admin);
        RegisterEntry retried = mobilise(rig.otherNode(db.ao()).services, "F-1");
        assertEquals(2, issues.createdCount());
        assertFalse(retried.trackerIssueId().equals(String.valueOf(elsewhere.getId())));
        assertEquals(null, tracker.linkOf(issues.issueManager.getIssueObject(elsewhere.getId())));
    }

    @Test
    public void aCloneOfADeletedIssueIsNotTakenForTheFindingsNextIssue() {
        RegisterEntry first = mobilise("F-1");
        MutableIssue clone = issues.cloneIssue(first.trackerIssue(), jira.engineer); // the clone has its labels
        issues.delete(first.trackerIssue(), jira.admin);
        issues.failAfterNextCreate(new IllegalStateException("node one stopped"));
        try {
            mobilise("F-1");
            fail();
        } catch (IllegalStateException expected) {
            assertEquals(2, issues.createdCount());
        }
        RegisterEntry again = mobilise(rig.otherNode(db.ao()).services, "F-1");
        assertEquals(2, issues.createdCount());
        assertFalse(again.trackerIssueId().equals(String.valueOf(clone.getId())));
        MutableIssue adopted = issues.byKey(again.trackerIssue());
        assertEquals("F-1", tracker.linkOf(adopted).findingKey());
        assertEquals(null, tracker.linkOf(issues.byKey(clone.getKey())));
    }

    /** Exactly one Jira issue, linked to F-1, which the register keeps; one mobilisation in the log. */
    private void assertOneIssueAdopted(RegisterEntry entry) {
        assertEquals(1, issues.createdCount());
        assertEquals(1, issues.issues().size());
        MutableIssue issue = issues.issues().get(0);
        assertEquals(String.valueOf(issue.getId()), entry.trackerIssueId());
        assertEquals(issue.getKey(), entry.trackerIssue());
        assertEquals(entry, entry("F-1"));
        assertEquals("F-1", tracker.linkOf(issue).findingKey());
        assertEquals(List.of(entry), new AoRegisterRepository(db.ao()).byTrackerIssue(entry.trackerIssueId()));
        assertEquals(1, logAbout("F-1", LogAction.MOBILISED).size());
        assertTrue(issues.labels(issue.getKey()).contains(JiraIssueTracker.marker("CTEM-1", "F-1", "")));
    }

    /** Gives the other node time to reach the lock the dying node holds (or to finish, had it none to wait on). */
    private static void waitUntilBlockedOrDone(Future<?> other) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse("node two cannot finish while node one holds the finding", other.isDone());
    }

    @Test
    public void doneInJiraIsResolvedAwaitingVerificationWithARetestAndTheTrackerAsCause() {
        RegisterEntry entry = mobilise("F-1");
        issues.transition(entry.trackerIssue(), issues.inProgress, null, jira.engineer);
        assertEquals(FindingStatus.IN_PROGRESS, entry("F-1").status());
        issues.transition(entry.trackerIssue(), issues.done, "Done", jira.engineer);
        RegisterEntry resolved = entry("F-1");
        assertEquals(FindingStatus.RESOLVED, resolved.status());
        List<LogEntry> changes = logAbout("F-1", LogAction.STATUS_CHANGED);
        LogEntry last = changes.get(changes.size() - 1);
        assertEquals(jira.engineer.getKey(), last.actor());
        assertTrue(last.after(), last.after().contains("TRACKER"));
        assertEquals(1, logAbout("F-1", LogAction.RETEST_REQUESTED).size());
    }

    @Test
    public void wontFixFlagsTheEntryForALeadWithoutAcceptingTheRisk() {
        RegisterEntry entry = mobilise("F-1");
        issues.transition(entry.trackerIssue(), issues.done, "Won't Fix", jira.engineer);
        RegisterEntry flagged = entry("F-1");
        assertEquals(FindingStatus.OPEN, flagged.status());
        assertTrue(flagged.decisionNeeded(), flagged.decisionNeeded().contains("Won't Fix"));
        assertEquals(1, logAbout("F-1", LogAction.LEAD_DECISION_NEEDED).size());
    }

    @Test
    public void assigneeDueDateAndAMoveComeBackAndTheIdStays() {
        RegisterEntry entry = mobilise("F-1");
        issues.assign(entry.trackerIssue(), jira.lead.getKey(), jira.lead);
        assertEquals(jira.lead.getKey(), entry("F-1").owner());
        issues.setDueDate(entry.trackerIssue(), LocalDate.parse("2026-07-20"), jira.lead);
        assertEquals(LocalDate.parse("2026-07-20"), entry("F-1").deadline());
        issues.moveToProject(entry.trackerIssue(), jira.ops, jira.admin);
        RegisterEntry moved = entry("F-1");
        assertEquals(entry.trackerIssueId(), moved.trackerIssueId());
        assertTrue(moved.trackerIssue(), moved.trackerIssue().startsWith("OPS-"));
        assertFalse(logAbout("F-1", LogAction.TRACKER_CHANGED).isEmpty());
    }

    @Test
    public void aDeletedIssueUnlinksTheEntryFlagsItAndLetsItBeMobilisedAgain() {
        RegisterEntry entry = mobilise("F-1");
        issues.delete(entry.trackerIssue(), jira.admin);
        RegisterEntry unlinked = entry("F-1");
        assertEquals("", unlinked.trackerIssueId());
        assertFalse(unlinked.decisionNeeded().isEmpty());
        assertEquals(1, logAbout("F-1", LogAction.TRACKER_ISSUE_DELETED).size());
        RegisterEntry again = mobilise("F-1");
        assertFalse(again.trackerIssueId().isEmpty());
        assertFalse(again.trackerIssueId().equals(entry.trackerIssueId()));
    }

    @Test
    public void theRecordReopeningAFindingReopensItsIssueWithACommentNamingTheLogEntry() {
        RegisterEntry entry = mobilise("F-1");
        issues.transition(entry.trackerIssue(), issues.done, "Done", jira.engineer);
        services.record().mobilisation().changeStatus("CTEM-1", "F-1", "reopened", "the retest failed", lead);
        MutableIssue issue = issues.byKey(entry.trackerIssue());
        assertEquals("To Do", issue.getStatus().getName());
        List<String> comments = issues.comments(entry.trackerIssue());
        assertTrue(comments.toString(), comments.get(comments.size() - 1).contains("retest failed"));
        assertEquals(FindingStatus.REOPENED, entry("F-1").status());
    }

    @Test
    public void changesMissedWhileTheAppWasDownAreRepairedByReconciliation() {
        RegisterEntry first = mobilise("F-1");
        RegisterEntry second = mobilise("F-2");
        issues.quietly(() -> {
            issues.transition(first.trackerIssue(), issues.done, "Done", jira.engineer);
            issues.delete(second.trackerIssue(), jira.admin);
        });
        assertEquals(FindingStatus.OPEN, entry("F-1").status());
        ReconciliationReport report = reconciliation.reconcile(services.cycles().get("CTEM-1"), lead, 1);
        assertEquals(2, report.checked());
        assertEquals(FindingStatus.RESOLVED, entry("F-1").status());
        assertEquals("", entry("F-2").trackerIssueId());
        assertEquals(1, services.record().log().chain("CTEM-1").stream()
                .filter(e -> e.is(LogAction.TRACKER_RECONCILED)).count());
        assertEquals("nothing left to repair", List.of(), reconciliation.reconcile(services.cycles().get("CTEM-1"),
                lead, 1).repairs());
    }

    /**
     * An entry stored naming its issue without a tracker link (by a version before the links, ADR 054, downgraded to
     * and back): the issue's events miss it until reconciliation links it; from then on they reach it.
     */
    @Test
    public void anEntryMissingItsTrackerLinkIsLinkedByReconciliationAndEventsReachItAgain() {
        RegisterEntry entry = mobilise("F-1");
        db.ao().executeInTransaction(() -> db.ao().deleteWithSQL(TrackerLinkEntity.class, "ENTRY_KEY = ?",
                "CTEM-1/F-1"));
        issues.transition(entry.trackerIssue(), issues.inProgress, null, jira.engineer);
        assertEquals("the event found no entry", FindingStatus.OPEN, entry("F-1").status());
        ReconciliationReport report = reconciliation.reconcile(services.cycles().get("CTEM-1"), lead, 1);
        assertEquals(List.of(ReconciliationReport.RepairKind.LINKED, ReconciliationReport.RepairKind.STATUS),
                report.repairs().stream().map(ReconciliationReport.Repair::kind).toList());
        assertEquals(FindingStatus.IN_PROGRESS, entry("F-1").status());
        issues.transition(entry.trackerIssue(), issues.done, "Done", jira.engineer);
        assertEquals("the event reaches the linked entry", FindingStatus.RESOLVED, entry("F-1").status());
        assertEquals("nothing left to repair", List.of(), reconciliation.reconcile(services.cycles().get("CTEM-1"),
                lead, 1).repairs());
    }

    /** An entry without its link whose issue was deleted meanwhile is unlinked, not linked first. */
    @Test
    public void anEntryMissingItsTrackerLinkWhoseIssueIsGoneIsOnlyUnlinked() {
        RegisterEntry entry = mobilise("F-1");
        db.ao().executeInTransaction(() -> db.ao().deleteWithSQL(TrackerLinkEntity.class, "ENTRY_KEY = ?",
                "CTEM-1/F-1"));
        issues.quietly(() -> issues.delete(entry.trackerIssue(), jira.admin));
        ReconciliationReport report = reconciliation.reconcile(services.cycles().get("CTEM-1"), lead, 1);
        assertEquals(List.of(ReconciliationReport.RepairKind.DELETED),
                report.repairs().stream().map(ReconciliationReport.Repair::kind).toList());
        assertEquals("", entry("F-1").trackerIssue());
        assertEquals(0, db.ao().count(TrackerLinkEntity.class));
    }

    @Test
    public void aBulkOperationsEventsAreLeftToReconciliation() {
        RegisterEntry entry = mobilise("F-1");
        issues.inBulk(() -> issues.transition(entry.trackerIssue(), issues.inProgress, null, jira.engineer));
        assertEquals(FindingStatus.OPEN, entry("F-1").status());
        reconciliation.reconcile(services.cycles().get("CTEM-1"), lead, 1);
        assertEquals(FindingStatus.IN_PROGRESS, entry("F-1").status());
    }

    @Test
    public void jirasFieldErrorsComeBackPerFieldAndNothingIsStored() {
        issues.require("SEC", "customfield_10010");
        try {
            mobilise("F-1");
            fail();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.problems().stream().anyMatch(p -> p.field().equals("customfield_10010")));
        }
        assertEquals("", entry("F-1").trackerIssue());
        assertEquals(0, issues.createdCount());
    }

    @Test
    public void hostileScannerTextCannotInjectMarkupIntoTheIssue() {
        String hostile = "[click|http://evil.example/x] {html}<script>alert(1)</script>{html}\n!http://evil/i.png!";
        ExposureBrief brief = new ExposureBrief(hostile, "zap", "{panel}", List.of("CVE-2026-1"), "host|a",
                "/x", "", "HIGH", "8.1", "reachable [link|http://evil]", List.of("KEV"), "KEV: 14 days",
                List.of(), "CVE-2026-1", "CVE-2026-1");
        TrackerIssue issue = new AoTransactions(db.ao()).inTransaction(() -> tracker.open(new TrackerRequest(
                "CTEM-1", "SEC", "F-3", "Exposure F-3: " + hostile, jira.engineer.getKey(),
                LocalDate.parse("2026-08-01"), "", "", "", brief, lead)));
        String description = issues.description(issue.key());
        // the scanner's text (every section before the app's own evidence links), its escapes taken out, holds no
        // character the wiki renderer would read as a link, image, macro or table
        String scannerText = description.substring(0, description.indexOf("h3. Evidence"));
        String unescaped = scannerText.replaceAll("\\\\.", "");
        assertTrue(scannerText, scannerText.contains("alert"));
        assertFalse(scannerText, unescaped.matches("(?s).*[\\[\\]{}|!].*"));
        assertFalse(issue.summary().contains("\n"));
        assertEquals("High", issues.priorityName(issue.key()));
    }

    @Test
    public void aDependencyThatIsAJiraIssueIsLinkedToTheFindingsIssue() {
        RegisterEntry blocker = mobilise("F-1");
        RegisterEntry blocked = services.record().mobilisation().mobilise("CTEM-1", "F-2", new MobilisationDraft(
                jira.engineer.getKey(), "2026-08-01", "", blocker.trackerIssue(), "rescan"), lead);
        assertEquals(1, issues.links().size());
        long[] link = issues.links().get(0);
        assertEquals(Long.parseLong(blocker.trackerIssueId()), link[0]);
        assertEquals(Long.parseLong(blocked.trackerIssueId()), link[1]);
    }

    @Test
    public void anAdoptedIssueGetsTheDependencyLinkTheDyingAttemptDidNotMake() {
        RegisterEntry blocker = mobilise("F-1");
        issues.failAfterNextCreate(new IllegalStateException("node one stopped")); // before the dependency link
        try {
            mobiliseBlockedBy(services, "F-2", blocker);
            fail();
        } catch (IllegalStateException expected) {
            assertTrue(issues.links().isEmpty());
        }
        RegisterEntry blocked = mobiliseBlockedBy(rig.otherNode(db.ao()).services, "F-2", blocker);
        assertEquals(2, issues.createdCount());
        assertOneDependencyLink(blocker, blocked);
        assertEquals(blocked, mobiliseBlockedBy(services, "F-2", blocker));
        assertOneDependencyLink(blocker, blocked);
    }

    @Test
    public void anAdoptedIssueWhoseDependencyLinkTheDyingAttemptMadeIsNotLinkedTwice() {
        RegisterEntry blocker = mobilise("F-1");
        // the node dies after Jira kept the issue, its dependency link and its finding's property
        issues.failAfterNextProperty(JiraIssueTracker.ISSUE_ENTITY, new IllegalStateException("node one stopped"));
        try {
            mobiliseBlockedBy(services, "F-2", blocker);
            fail();
        } catch (IllegalStateException expected) {
            assertEquals(1, issues.links().size());
            assertEquals("", entry("F-2").trackerIssueId());
        }
        RegisterEntry blocked = mobiliseBlockedBy(rig.otherNode(db.ao()).services, "F-2", blocker);
        assertEquals(2, issues.createdCount());
        assertOneDependencyLink(blocker, blocked);
    }

    private RegisterEntry mobiliseBlockedBy(CtemServices node, String finding, RegisterEntry blocker) {
        return node.record().mobilisation().mobilise("CTEM-1", finding, new MobilisationDraft(
                jira.engineer.getKey(), "2026-08-01", "", blocker.trackerIssue(), "rescan"), lead);
    }

    /** Exactly one link in Jira: from the blocker's issue to the blocked finding's, of the configured type. */
    private void assertOneDependencyLink(RegisterEntry blocker, RegisterEntry blocked) {
        assertEquals(1, issues.links().size());
        long[] link = issues.links().get(0);
        assertEquals(Long.parseLong(blocker.trackerIssueId()), link[0]);
        assertEquals(Long.parseLong(blocked.trackerIssueId()), link[1]);
        assertEquals(10000L, link[2]);
    }

    @Test
    public void theVulnerabilityGrainOpensOneParentWithASubTaskPerFindingDoneWhenEveryChildIs() {
        JsonObject grain = new JsonObject();
        grain.addProperty("grain", "vulnerability");
        settings.saveForCycle(services.cycles().get("CTEM-1"), grain);
        TrackerIssue first = openWithGroup("F-1", "CVE-2026-7");
        TrackerIssue second = openWithGroup("F-2", "CVE-2026-7");
        assertEquals("one parent, two sub-tasks", 3, issues.createdCount());
        MutableIssue one = issues.byKey(first.key());
        MutableIssue two = issues.byKey(second.key());
        assertTrue(one.isSubTask());
        assertEquals(one.getParentId(), two.getParentId());
        MutableIssue parent = issues.issues().stream().filter(i -> i.getId().equals(one.getParentId()))
                .findFirst().orElseThrow();
        issues.transition(first.key(), issues.done, "Done", jira.engineer);
        assertEquals("To Do", issues.byKey(parent.getKey()).getStatus().getName());
        issues.transition(second.key(), issues.done, "Done", jira.engineer);
        assertEquals("every sub-task done: the parent is done", "Done",
                issues.byKey(parent.getKey()).getStatus().getName());
        issues.transition(second.key(), issues.toDo, null, jira.engineer);
        assertEquals("a sub-task back at work: so is the parent", "To Do",
                issues.byKey(parent.getKey()).getStatus().getName());
    }

    private TrackerIssue openWithGroup(String finding, String group) {
        ExposureBrief brief = new ExposureBrief("Log4Shell", "nessus", "156032", List.of(group), "web01", "", "",
                "CRITICAL", "9.8", "", List.of(), "", List.of(), group, group);
        return new AoTransactions(db.ao()).inTransaction(() -> tracker.open(new TrackerRequest("CTEM-1", "SEC",
                finding, "Exposure " + finding, jira.engineer.getKey(), LocalDate.parse("2026-08-01"), "", "", "",
                brief, lead)));
    }
}
