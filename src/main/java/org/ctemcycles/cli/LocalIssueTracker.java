package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerRequest;
import org.ctemcycles.core.mobilisation.TrackerRules;
import org.ctemcycles.core.mobilisation.TrackerState;
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
 * per finding and cycle; an issue's key is also its id (a local issue never moves to another project). Both ways, as
 * far as a local tracker goes: issues can be moved between the status categories by hand ({@link #move}, with an
 * optional resolution, "Won't Fix" and the like meaning a lead's decision) and deleted ({@link #delete}), and the
 * record reads them back through {@link #findAll} when it reconciles. Thread-safe. The command line's tracker
 * ({@link LocalPorts} saves its issues between runs); inside Jira the Jira adapter takes its place.
 */
public class LocalIssueTracker implements IssueTracker {

    private final String projectKey;
    private final Map<String, TrackerIssue> issues = new LinkedHashMap<>();
    private final Map<String, List<String>> comments = new HashMap<>();
    private final Map<String, String> issueByFinding = new HashMap<>();
    private int lastNumber;

    public LocalIssueTracker(String projectKey) {
        this(projectKey, List.of(), Map.of());
    }

    /** A tracker that already holds {@code initial} issues (keys {@code PROJECT-n}); new ones are numbered after them. */
    public LocalIssueTracker(String projectKey, Collection<TrackerIssue> initial, Map<String, List<String>> notes) {
        this.projectKey = projectKey;
        for (TrackerIssue issue : initial) {
            issues.put(issue.id(), issue);
            issueByFinding.put(finding(issue.cycleKey(), issue.findingKey()), issue.id());
            comments.put(issue.id(), new ArrayList<>(notes.getOrDefault(issue.id(), List.of())));
            String number = issue.key().substring(issue.key().lastIndexOf('-') + 1);
            lastNumber = Math.max(lastNumber, Integer.parseInt(number));
        }
    }

    @Override
    public synchronized TrackerIssue open(TrackerRequest request) {
        String existing = issueByFinding.get(finding(request.cycleKey(), request.findingKey()));
        if (existing != null) {
            return issues.get(existing);
        }
        String key = projectKey + "-" + (++lastNumber);
        TrackerIssue issue = new TrackerIssue(key, request.findingKey(), request.cycleKey(), request.summary(),
                TrackerState.opened(key, projectKey, "To Do", request.assignee(), request.dueDate()));
        issues.put(key, issue);
        comments.put(key, new ArrayList<>());
        issueByFinding.put(finding(request.cycleKey(), request.findingKey()), key);
        return issue;
    }

    @Override
    public synchronized TrackerIssue update(String issueId, TrackerRequest request) {
        TrackerIssue current = require(issueId);
        TrackerIssue updated = new TrackerIssue(current.id(), current.findingKey(), current.cycleKey(),
                request.summary(), current.state().withFields(request.assignee(), request.dueDate()));
        issues.put(current.id(), updated);
        return updated;
    }

    @Override
    public synchronized Optional<TrackerIssue> find(String issueId) {
        return Optional.ofNullable(issues.get(issueId));
    }

    @Override
    public synchronized TrackerIssue reopen(String cycleKey, String issueId, String why, long logEntry,
                                            String actor) {
        TrackerIssue current = require(issueId);
        comments.get(current.id()).add(why + " (activity log entry " + logEntry + " of cycle " + cycleKey + ")");
        if (current.status() == TrackerStatus.TO_DO) {
            return current;
        }
        return move(issueId, TrackerStatus.TO_DO, "");
    }

    /**
     * Moves an issue to another status category, as an engineer working it would; a resolution (only in Done)
     * such as "Won't Fix" means a lead's decision.
     *
     * @throws InvalidInputException when a resolution is given outside Done
     */
    public synchronized TrackerIssue move(String issueId, TrackerStatus status, String resolution) {
        TrackerIssue current = require(issueId);
        String resolved = resolution == null ? "" : resolution.trim();
        if (!resolved.isEmpty() && status != TrackerStatus.DONE) {
            throw new InvalidInputException("resolution", "only an issue moved to done has a resolution");
        }
        if (status == TrackerStatus.DONE && resolved.isEmpty()) {
            resolved = "Done";
        }
        TrackerIssue moved = new TrackerIssue(current.id(), current.findingKey(), current.cycleKey(),
                current.summary(), current.state().withStatus(status, name(status), resolved,
                TrackerRules.LEAD_DECISION_RESOLUTIONS.contains(resolved)));
        issues.put(current.id(), moved);
        return moved;
    }

    /** Deletes an issue, as a Jira user may. */
    public synchronized void delete(String issueId) {
        TrackerIssue removed = require(issueId);
        issues.remove(removed.id());
        comments.remove(removed.id());
        issueByFinding.remove(finding(removed.cycleKey(), removed.findingKey()));
    }

    /** Every issue, in the order they were opened. */
    public synchronized List<TrackerIssue> issues() {
        return new ArrayList<>(issues.values());
    }

    /** The comments the record added to an issue, oldest first. */
    public synchronized List<String> comments(String issueId) {
        return List.copyOf(comments.getOrDefault(issueId, List.of()));
    }

    private TrackerIssue require(String issueId) {
        TrackerIssue issue = issues.get(issueId);
        if (issue == null) {
            throw new NotFoundException("the tracker has no issue " + issueId);
        }
        return issue;
    }

    private static String name(TrackerStatus status) {
        return switch (status) {
            case TO_DO -> "To Do";
            case IN_PROGRESS -> "In Progress";
            case DONE -> "Done";
        };
    }

    private static String finding(String cycleKey, String findingKey) {
        return cycleKey + "/" + findingKey;
    }
}
