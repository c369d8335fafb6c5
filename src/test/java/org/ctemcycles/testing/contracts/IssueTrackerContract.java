package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.mobilisation.ExposureBrief;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.junit.Before;
import org.junit.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What every {@link IssueTracker} promises, both ways: one issue per finding and cycle (the finding is the
 * idempotency key, also under concurrent opens), updates to existing issues only, an issue found by its id with its
 * status category as the tracker moved it (and a resolution that means a lead's decision said so), reopening back
 * into To Do, deleted issues gone from {@link IssueTracker#findAll}, and text with markup kept to its finding. The
 * command line's tracker runs it ({@code InMemoryContractsTest}), and so does the Jira adapter over Jira's test
 * doubles ({@code jira/tracker/JiraIssueTrackerContractTest}).
 *
 * <p>A subclass supplies a tracker holding no issue yet, for cycles {@code CTEM-1} and {@code CTEM-2}, and does in
 * the tracker what its users would: move an issue, delete one.
 */
public abstract class IssueTrackerContract {

    private IssueTracker tracker;

    /** A tracker holding no issue yet. */
    protected abstract IssueTracker issueTracker();

    /** Moves the issue in the tracker as a user would, into a status of the category (with a resolution in Done). */
    protected abstract void moveInTracker(TrackerIssue issue, TrackerStatus to, String resolution);

    /** Deletes the issue in the tracker as a user would. */
    protected abstract void deleteInTracker(TrackerIssue issue);

    /** Runs one call as the record does: in a transaction where the tracker's implementation needs one. */
    protected <T> T asTheRecordDoes(Supplier<T> call) {
        return call.get();
    }

    /** The tracker user the requests act as. */
    protected String actor() {
        return "lead";
    }

    @Before
    public void create() {
        tracker = issueTracker();
    }

    protected TrackerRequest request(String cycle, String finding, String summary, String assignee, String due) {
        return new TrackerRequest(cycle, "", finding, summary, assignee, LocalDate.parse(due), "CHG-1",
                "vendor patch", "rerun the scan", ExposureBrief.bare(finding), actor());
    }

    private TrackerIssue open(String finding, String assignee) {
        return asTheRecordDoes(() -> tracker.open(request("CTEM-1", finding, "Fix " + finding + " \u2018now\u2019",
                assignee, "2026-08-01")));
    }

    @Test
    public void openingTwiceForOneFindingGivesTheSameIssueUnchanged() {
        TrackerIssue first = open("F-1", assignee("alice"));
        assertEquals("F-1", first.findingKey());
        assertEquals("CTEM-1", first.cycleKey());
        assertEquals(assignee("alice"), first.assignee());
        assertEquals(LocalDate.parse("2026-08-01"), first.dueDate());
        assertEquals(TrackerStatus.TO_DO, first.status());
        assertEquals(first, open("F-1", assignee("bob")));
        TrackerIssue second = open("F-2", assignee("alice"));
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.key(), second.key());
        assertEquals(Optional.of(first), tracker.find(first.id()));
    }

    @Test
    public void theSameFindingInAnotherCycleGetsAnIssueOfItsOwn() {
        TrackerIssue first = open("F-1", assignee("alice"));
        TrackerIssue other = asTheRecordDoes(() -> tracker.open(request("CTEM-2", "F-1", "Fix F-1", assignee("alice"),
                "2026-08-01")));
        assertNotEquals(first.id(), other.id());
        assertEquals("CTEM-2", other.cycleKey());
    }

    @Test
    public void anUpdateChangesTheIssueAndKeepsItsIdAndFinding() {
        TrackerIssue opened = open("F-1", assignee("alice"));
        TrackerIssue updated = asTheRecordDoes(() -> tracker.update(opened.id(), request("CTEM-1", "F-1", "Fix F-1",
                assignee("bob"), "2026-09-01")));
        assertEquals(opened.id(), updated.id());
        assertEquals(opened.key(), updated.key());
        assertEquals("F-1", updated.findingKey());
        assertEquals(assignee("bob"), updated.assignee());
        assertEquals(LocalDate.parse("2026-09-01"), updated.dueDate());
        assertEquals(opened.status(), updated.status());
        assertEquals(Optional.of(updated), tracker.find(opened.id()));
    }

    @Test
    public void updatingAnUnknownIssueIsNotFoundAndFindingOneIsEmpty() {
        try {
            asTheRecordDoes(() -> tracker.update("99999", request("CTEM-1", "F-1", "Fix F-1", assignee("alice"),
                    "2026-08-01")));
            fail();
        } catch (NotFoundException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("99999"));
        }
        assertEquals(Optional.empty(), tracker.find("99999"));
    }

    @Test
    public void aMoveInTheTrackerIsReadBackByStatusCategoryWithItsResolution() {
        TrackerIssue opened = open("F-1", assignee("alice"));
        moveInTracker(opened, TrackerStatus.IN_PROGRESS, "");
        assertEquals(TrackerStatus.IN_PROGRESS, tracker.find(opened.id()).orElseThrow().status());
        moveInTracker(tracker.find(opened.id()).orElseThrow(), TrackerStatus.DONE, "Done");
        TrackerIssue done = tracker.find(opened.id()).orElseThrow();
        assertEquals(TrackerStatus.DONE, done.status());
        assertEquals("Done", done.state().resolution());
        assertFalse("a fix is no lead's decision", done.state().leadDecision());
        assertEquals(opened.id(), done.id());

        TrackerIssue wontFix = open("F-2", assignee("alice"));
        moveInTracker(wontFix, TrackerStatus.DONE, "Won't Fix");
        TrackerIssue read = tracker.find(wontFix.id()).orElseThrow();
        assertEquals("Won't Fix", read.state().resolution());
        assertTrue("Won't Fix waits for a lead", read.state().leadDecision());
    }

    @Test
    public void reopeningMovesADoneIssueBackToToDoAndKeepsItsId() {
        TrackerIssue opened = open("F-1", assignee("alice"));
        moveInTracker(opened, TrackerStatus.DONE, "Done");
        TrackerIssue reopened = asTheRecordDoes(() -> tracker.reopen("CTEM-1", opened.id(), "the retest failed", 7,
                actor()));
        assertEquals(opened.id(), reopened.id());
        assertEquals(TrackerStatus.TO_DO, reopened.status());
        assertEquals("", reopened.state().resolution());
        assertEquals(Optional.of(reopened), tracker.find(opened.id()));
        TrackerIssue again = asTheRecordDoes(() -> tracker.reopen("CTEM-1", opened.id(), "seen again", 8, actor()));
        assertEquals(TrackerStatus.TO_DO, again.status());
    }

    @Test
    public void findAllLeavesOutDeletedIssues() {
        TrackerIssue kept = open("F-1", assignee("alice"));
        TrackerIssue deleted = open("F-2", assignee("alice"));
        deleteInTracker(deleted);
        Map<String, TrackerIssue> found = tracker.findAll(List.of(kept.id(), deleted.id()));
        assertEquals(Set.of(kept.id()), found.keySet());
        assertEquals(kept, found.get(kept.id()));
        assertEquals(Optional.empty(), tracker.find(deleted.id()));
    }

    @Test
    public void concurrentOpensOfOneFindingMakeOneIssue() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TrackerIssue>> opened = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String finding = i % 2 == 0 ? "F-1" : "F-2";
                Callable<TrackerIssue> open = () -> {
                    start.await();
                    return asTheRecordDoes(() -> tracker.open(request("CTEM-1", finding, "Fix " + finding,
                            assignee("alice"), "2026-08-01")));
                };
                opened.add(pool.submit(open));
            }
            start.countDown();
            List<TrackerIssue> issues = new ArrayList<>();
            for (Future<TrackerIssue> future : opened) {
                issues.add(future.get());
            }
            Map<String, Set<String>> idsByFinding = issues.stream().collect(Collectors.groupingBy(
                    TrackerIssue::findingKey, Collectors.mapping(TrackerIssue::id, Collectors.toSet())));
            assertEquals(1, idsByFinding.get("F-1").size());
            assertEquals(1, idsByFinding.get("F-2").size());
            assertNotEquals(idsByFinding.get("F-1"), idsByFinding.get("F-2"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void textWithMarkupOpensAnIssueForItsFinding() {
        String hostile = "[click|http://evil.example/x] {html}<script>alert(1)</script>{html}\n!http://evil/i.png!";
        TrackerIssue opened = asTheRecordDoes(() -> tracker.open(request("CTEM-1", "F-1", hostile, assignee("alice"),
                "2026-08-01")));
        TrackerIssue found = tracker.find(opened.id()).orElseThrow();
        assertEquals("F-1", found.findingKey());
        assertFalse("a summary is one line", found.summary().contains("\n"));
    }

    /** The tracker's name for a user (the command line's tracker takes any name; Jira takes user keys). */
    protected String assignee(String name) {
        return name;
    }
}
