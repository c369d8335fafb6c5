package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a tracker issue looked like when the register last saw it: its key and project (both change when the issue
 * moves; its id does not), its status category (after the cycle's status map), the status's and the resolution's
 * names, whether that resolution is one a security lead must decide on (such as "Won't Fix"), its assignee and its
 * due date. The register keeps the last state it saw beside each entry, so reconciliation can tell a change made in
 * the tracker (the issue differs from what was last seen) from one of the record's own changes that never reached
 * the tracker (the issue is as last seen, the register moved on).
 *
 * @param assignee     the assignee's user key, or "" for none
 * @param dueDate      null for none
 * @param statusName   the workflow status's name, "" when unknown
 * @param resolution   the resolution's name, "" when unresolved
 * @param leadDecision the resolution maps to a security lead's decision rather than to a fix
 */
public record TrackerState(String key, String projectKey, TrackerStatus status, String statusName, String resolution,
                           boolean leadDecision, String assignee, LocalDate dueDate) {

    private static final char SEPARATOR = '\u001f';

    public TrackerState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        projectKey = clean(projectKey);
        statusName = clean(statusName);
        resolution = clean(resolution);
        assignee = clean(assignee);
    }

    /** A new issue's state: To Do, unresolved. */
    public static TrackerState opened(String key, String projectKey, String statusName, String assignee,
                                      LocalDate dueDate) {
        return new TrackerState(key, projectKey, TrackerStatus.TO_DO, statusName, "", false, assignee, dueDate);
    }

    public boolean resolved() {
        return !resolution.isEmpty();
    }

    public TrackerState withStatus(TrackerStatus next, String nextStatusName, String nextResolution,
                                   boolean nextLeadDecision) {
        return new TrackerState(key, projectKey, next, nextStatusName, nextResolution, nextLeadDecision, assignee,
                dueDate);
    }

    public TrackerState withFields(String nextAssignee, LocalDate nextDueDate) {
        return new TrackerState(key, projectKey, status, statusName, resolution, leadDecision, nextAssignee,
                nextDueDate);
    }

    public TrackerState movedTo(String nextKey, String nextProjectKey) {
        return new TrackerState(nextKey, nextProjectKey, status, statusName, resolution, leadDecision, assignee,
                dueDate);
    }

    /** One line of text for the register's column; {@link #decode} reads it back. */
    public String encode() {
        return String.join(String.valueOf(SEPARATOR), key, projectKey, status.name(), statusName, resolution,
                Boolean.toString(leadDecision), assignee, dueDate == null ? "" : dueDate.toString());
    }

    /** The state {@link #encode} wrote, or null for "" (an entry never linked, or linked before states were kept). */
    public static TrackerState decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (parts.size() != 8) {
            throw new IllegalArgumentException("not a tracker state: " + parts.size() + " parts");
        }
        return new TrackerState(parts.get(0), parts.get(1), TrackerStatus.valueOf(parts.get(2)), parts.get(3),
                parts.get(4), Boolean.parseBoolean(parts.get(5)), parts.get(6),
                parts.get(7).isEmpty() ? null : LocalDate.parse(parts.get(7)));
    }

    /** Tracker text never contains the separator or a line break (they would split the stored state). */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == SEPARATOR || c == '\n' || c == '\r') {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
