package org.ctemcycles.core.mobilisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The port to the tracker where mobilised work lives, both ways: Jira inside Jira ({@code jira.tracker}), the command
 * line's own tracker outside ({@code cli.LocalIssueTracker}). The record opens and updates issues and moves them
 * back to work when the record reopens a finding; the way back is {@link TrackerSync}, to which the tracker's
 * adapter reports what it sees of an issue ({@link TrackerIssue}, by id) and which reconciliation feeds from
 * {@link #findAll}.
 *
 * <p>The finding is the idempotency key: asking to open an issue for a finding of a cycle that already has one
 * returns that issue, so a retried, repeated or concurrent mobilisation never makes a second issue.
 */
public interface IssueTracker {

    /** Opens the issue for the request's finding, or returns (unchanged) the one that already exists for it. */
    TrackerIssue open(TrackerRequest request);

    /**
     * Brings an existing issue up to date with the request (summary, description, assignee, due date, ...).
     *
     * @throws org.ctemcycles.core.common.NotFoundException when the tracker has no issue with this id
     */
    TrackerIssue update(String issueId, TrackerRequest request);

    /** The issue with this id, or empty when the tracker has none (never had, or it was deleted). */
    Optional<TrackerIssue> find(String issueId);

    /**
     * The issues of these ids that exist, by id; an id missing from the answer has no issue (deleted). Reconciliation
     * reads a cycle's issues through it.
     */
    default Map<String, TrackerIssue> findAll(Collection<String> issueIds) {
        Map<String, TrackerIssue> found = new LinkedHashMap<>();
        for (String id : issueIds) {
            find(id).ifPresent(issue -> found.put(id, issue));
        }
        return found;
    }

    /**
     * Moves the issue back to work (a status of the To Do category, as the cycle's configuration says) and adds the
     * comment that says why, naming the activity log entry of the change; an issue already in To Do only gets the
     * comment.
     *
     * @param why      plain text; the tracker escapes it for its markup
     * @param logEntry the sequence of the cycle's activity log entry that records the change
     * @param actor    the user the tracker acts as
     * @throws org.ctemcycles.core.common.NotFoundException when the tracker has no issue with this id
     * @throws org.ctemcycles.core.common.InvalidInputException when the tracker's workflow refuses
     */
    TrackerIssue reopen(String cycleKey, String issueId, String why, long logEntry, String actor);
}
