package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.junit.Before;
import org.junit.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What every {@link IssueTracker} promises: one issue per finding (the finding key is the idempotency key), updates
 * to existing issues only. The command line's tracker runs it today; the Jira adapter joins by extending it.
 */
public abstract class IssueTrackerContract {

    private IssueTracker tracker;

    /** A tracker holding no issue yet. */
    protected abstract IssueTracker issueTracker();

    @Before
    public void create() {
        tracker = issueTracker();
    }

    static TrackerRequest request(String finding, String assignee) {
        return new TrackerRequest("CTEM-1", finding, "Fix " + finding + " \u2018now\u2019", assignee,
                LocalDate.parse("2026-08-01"), "CHG-1", "vendor patch", "rerun the scan");
    }

    @Test
    public void openingTwiceForOneFindingGivesTheSameIssueUnchanged() {
        TrackerIssue first = tracker.open(request("F-1", "alice"));
        assertEquals("F-1", first.findingKey());
        assertEquals("CTEM-1", first.cycleKey());
        assertEquals("alice", first.assignee());
        assertEquals(LocalDate.parse("2026-08-01"), first.dueDate());
        assertEquals(first, tracker.open(request("F-1", "bob")));
        TrackerIssue second = tracker.open(request("F-2", "alice"));
        assertNotEquals(first.key(), second.key());
        assertEquals(Optional.of(first), tracker.find(first.key()));
    }

    @Test
    public void anUpdateChangesTheIssueAndKeepsItsKeyAndFinding() {
        TrackerIssue opened = tracker.open(request("F-1", "alice"));
        TrackerRequest changed = new TrackerRequest("CTEM-1", "F-1", "Fix F-1", "bob", LocalDate.parse("2026-09-01"),
                "CHG-2", "", "retest");
        TrackerIssue updated = tracker.update(opened.key(), changed);
        assertEquals(opened.key(), updated.key());
        assertEquals("F-1", updated.findingKey());
        assertEquals("bob", updated.assignee());
        assertEquals(LocalDate.parse("2026-09-01"), updated.dueDate());
        assertEquals("CHG-2", updated.changeRecord());
        assertEquals(opened.status(), updated.status());
        assertEquals(Optional.of(updated), tracker.find(opened.key()));
    }

    @Test
    public void updatingAnUnknownIssueIsNotFoundAndFindingOneIsEmpty() {
        try {
            tracker.update("NOPE-1", request("F-1", "alice"));
            fail();
        } catch (NotFoundException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("NOPE-1"));
        }
        assertEquals(Optional.empty(), tracker.find("NOPE-1"));
    }
}
