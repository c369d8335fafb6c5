package org.ctemcycles.jira.tracker;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;

import java.util.Optional;

/**
 * The tracker inside Jira until the Jira issue adapter is wired: mobilisation refuses with a message that says so,
 * so nothing is recorded as mobilised without a Jira issue behind it. Everything else of the record works.
 */
public final class TrackerNotConfigured implements IssueTracker {

    private static final String WHY = "mobilising findings as Jira issues is not available in this version of the app";

    @Override
    public TrackerIssue open(TrackerRequest request) {
        throw new InvalidInputException("findings", WHY);
    }

    @Override
    public TrackerIssue update(String issueKey, TrackerRequest request) {
        throw new InvalidInputException("findings", WHY);
    }

    @Override
    public Optional<TrackerIssue> find(String issueKey) {
        return Optional.empty();
    }
}
