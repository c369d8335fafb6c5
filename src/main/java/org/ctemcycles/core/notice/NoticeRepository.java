package org.ctemcycles.core.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The port through which sent notices are recorded: one row per {@link Notice#key()}, unique across every node.
 * Writes join the caller's transaction.
 */
public interface NoticeRepository {

    /** Those of {@code keys} already recorded as sent (one query). */
    Set<String> sent(Collection<String> keys);

    /**
     * Records the notice as sent. A second record of the same key, by a concurrent transaction on any node, fails
     * that transaction as a retryable conflict once the first commits (the retry then finds it sent).
     */
    void record(Notice notice, String actor, Instant at);

    /** The cycle's sent notices, oldest first. */
    List<SentNotice> list(String cycleKey);
}
