package org.ctemcycles.cli;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.ctemcycles.core.mobilisation.TrackerStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link IssueTracker} held in memory: issues get keys {@code PROJECT-1}, {@code PROJECT-2}, ... in order, one
 * per finding. Thread-safe. The command line's tracker ({@link LocalPorts} saves its issues between runs); inside
 * Jira the Jira adapter takes its place.
 */
public class LocalIssueTracker implements IssueTracker {

    private final String projectKey;
    private final Map<String, TrackerIssue> issues = new LinkedHashMap<>();
    private final Map<String, String> issueByFinding = new HashMap<>();
    private int lastNumber;

    public LocalIssueTracker(String projectKey) {
        this(projectKey, List.of());
    }

    /** A tracker that already holds {@code initial} issues (keys {@code PROJECT-n}); new ones are numbered after them. */
    public LocalIssueTracker(String projectKey, Collection<TrackerIssue> initial) {
        this.projectKey = projectKey;
        for (TrackerIssue issue : initial) {
            issues.put(issue.key(), issue);
            issueByFinding.put(issue.findingKey(), issue.key());
            String number = issue.key().substring(issue.key().lastIndexOf('-') + 1);
            lastNumber = Math.max(lastNumber, Integer.parseInt(number));
        }
    }

    @Override
    public synchronized TrackerIssue open(TrackerRequest request) {
        String existing = issueByFinding.get(request.findingKey());
        if (existing != null) {
            return issues.get(existing);
        }
        TrackerIssue issue = issue(projectKey + "-" + (++lastNumber), request, TrackerStatus.TO_DO);
        issues.put(issue.key(), issue);
        issueByFinding.put(request.findingKey(), issue.key());
        return issue;
    }

    @Override
    public synchronized TrackerIssue update(String issueKey, TrackerRequest request) {
        TrackerIssue current = issues.get(issueKey);
        if (current == null) {
            throw new NotFoundException("the tracker has no issue " + issueKey);
        }
        TrackerIssue updated = issue(issueKey, request, current.status());
        issues.put(issueKey, updated);
        return updated;
    }

    /** Moves an issue to another status category, as an engineer working it would. */
    public synchronized TrackerIssue move(String issueKey, TrackerStatus status) {
        TrackerIssue current = find(issueKey).orElseThrow(() -> new NotFoundException("the tracker has no issue "
                + issueKey));
        TrackerIssue moved = new TrackerIssue(current.key(), current.findingKey(), current.cycleKey(),
                current.summary(), current.assignee(), current.dueDate(), current.changeRecord(), current.dependency(),
                current.verificationStep(), status);
        issues.put(issueKey, moved);
        return moved;
    }

    @Override
    public synchronized Optional<TrackerIssue> find(String issueKey) {
        return Optional.ofNullable(issues.get(issueKey));
    }

    /** Every issue, in the order they were opened. */
    public synchronized List<TrackerIssue> issues() {
        return new ArrayList<>(issues.values());
    }

    private static TrackerIssue issue(String key, TrackerRequest request, TrackerStatus status) {
        return new TrackerIssue(key, request.findingKey(), request.cycleKey(), request.summary(), request.assignee(),
                request.dueDate(), request.changeRecord(), request.dependency(), request.verificationStep(), status);
    }
}
