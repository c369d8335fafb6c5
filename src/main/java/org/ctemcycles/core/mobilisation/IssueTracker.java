package org.ctemcycles.core.mobilisation;

import java.util.Optional;

/**
 * The port to the tracker where mobilised work lives: Jira in production (a later adapter), and
 * the command line's own tracker ({@code cli.LocalIssueTracker}). The finding key is the idempotency key: asking to
 * open an issue for a finding that already has one returns that issue, so a retried or repeated mobilisation never
 * makes a second issue.
 */
public interface IssueTracker {

    /** Opens the issue for the request's finding, or returns (unchanged) the one that already exists for it. */
    TrackerIssue open(TrackerRequest request);

    /**
     * Brings an existing issue up to date with the request (assignee, due date, change record, dependency,
     * verification step).
     *
     * @throws org.ctemcycles.core.common.NotFoundException when the tracker has no such issue
     */
    TrackerIssue update(String issueKey, TrackerRequest request);

    Optional<TrackerIssue> find(String issueKey);
}
