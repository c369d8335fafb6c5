package org.ctemcycles.core.audit;

import java.time.Instant;

/**
 * An entry of a cycle's activity log as stored: its position in the cycle's chain ({@code sequence}, from 1), the
 * recorded change, the hash of the entry before it ({@link LogChain#GENESIS} for the first), its own hash, which
 * commits to all of these, and its keyed anchor ({@link LogAnchor}; "" where none was written). Values are kept
 * exactly as read, so that {@link ChainVerifier} can judge edited rows (an edited action may no longer name a
 * {@link LogAction}).
 */
public record LogEntry(String cycleKey, long sequence, Instant at, String actor, String action, String subject,
                       String before, String after, String previousHash, String hash, String anchor) {

    public LogEntry {
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        actor = actor == null ? "" : actor;
        subject = subject == null ? "" : subject;
        action = action == null ? "" : action;
        anchor = anchor == null ? "" : anchor;
    }

    /** An entry without a keyed anchor. */
    public LogEntry(String cycleKey, long sequence, Instant at, String actor, String action, String subject,
                    String before, String after, String previousHash, String hash) {
        this(cycleKey, sequence, at, actor, action, subject, before, after, previousHash, hash, "");
    }

    /** This entry carrying {@code anchor}. */
    public LogEntry anchored(String anchor) {
        return new LogEntry(cycleKey, sequence, at, actor, action, subject, before, after, previousHash, hash, anchor);
    }

    /** The action's label, or the stored text when it names no known action. */
    public String actionLabel() {
        for (LogAction known : LogAction.values()) {
            if (known.name().equals(action)) {
                return known.label();
            }
        }
        return action;
    }

    /** Whether this entry records one of these actions. */
    public boolean is(LogAction... actions) {
        for (LogAction candidate : actions) {
            if (action.equals(candidate.name())) {
                return true;
            }
        }
        return false;
    }
}
