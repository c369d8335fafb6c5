package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An issue in the tracker as the register sees it: its id (stable for the issue's life, across moves between
 * projects), the finding and cycle it was opened for, its summary and its current {@link TrackerState}.
 */
public record TrackerIssue(String id, String findingKey, String cycleKey, String summary, TrackerState state) {

    public TrackerIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(state, "state");
        summary = summary == null ? "" : summary;
    }

    /** The key people read (e.g. {@code SEC-12}); it changes when the issue moves to another project. */
    public String key() {
        return state.key();
    }

    public String assignee() {
        return state.assignee();
    }

    public LocalDate dueDate() {
        return state.dueDate();
    }

    public TrackerStatus status() {
        return state.status();
    }
}
