package org.ctemcycles.core.mobilisation;

import java.time.Instant;
import java.util.Objects;

/**
 * A bulk mobilisation: many findings of one cycle with the same owner, deadline and steps, worked in batches (each
 * finding in a transaction of its own, so progress survives a node that stops half-way), its progress counted from
 * its items ({@link RunItem}).
 *
 * @param pending   items not yet worked
 * @param mobilised items whose finding now has its issue (opened, updated or found as it was)
 * @param failed    items the record or the tracker refused, each with the reasons
 */
public record MobilisationRun(String id, String cycleKey, MobilisationDraft draft, String requestedBy, State state,
                              int total, int pending, int mobilised, int failed, Instant createdAt,
                              Instant updatedAt) {

    public MobilisationRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public enum State {
        /** stored, not yet picked up */
        QUEUED,
        /** being worked, or interrupted (a node stopped): the scheduled job resumes it */
        RUNNING,
        /** every item has its outcome */
        FINISHED
    }

    public boolean finished() {
        return state == State.FINISHED;
    }
}
