package org.ctemcycles.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * The port to the append-only, hash-chained activity log: one chain per cycle. {@link #append} joins the caller's
 * transaction, so a change and its entry commit together. There is no update and no delete.
 */
public interface ActivityLog {

    /**
     * Appends one entry to the record's cycle chain.
     *
     * @throws org.ctemcycles.core.common.ConflictException (retryable) when another append to the same chain won
     *                                                       the race for the next position
     */
    LogEntry append(LogRecord record);

    /**
     * Locks one cycle's chain until the caller's transaction ends, as an append does: other changes of the cycle's
     * record (on any node) wait for it, and what the transaction reads afterwards is what they committed. Does
     * nothing for a chain never appended to.
     */
    void lock(String cycleKey);

    /** Every entry of one cycle's chain, in sequence order. */
    List<LogEntry> chain(String cycleKey);

    /** The recorded head of one cycle's chain, if the chain was ever appended to. */
    Optional<ChainHead> head(String cycleKey);

    /** The keys of every cycle that has a chain, sorted. */
    List<String> chains();

    /** Entries about one subject across all cycles, oldest first (a finding's history spans cycles). */
    List<LogEntry> about(String subject);

    /** The keyed anchor this log writes and checks ({@link LogAnchor#unkeyed()} when the installation keeps no key). */
    default LogAnchor anchor() {
        return LogAnchor.unkeyed();
    }

    /** Verifies one cycle's chain, with the keyed anchor when there is a key. */
    default ChainReport verify(String cycleKey) {
        return ChainVerifier.verify(cycleKey, chain(cycleKey), head(cycleKey).orElse(null), anchor());
    }
}
