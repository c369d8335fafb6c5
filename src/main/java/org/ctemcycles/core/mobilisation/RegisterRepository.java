package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the mobilisation register is stored: one entry per finding and cycle. Every read is one
 * query whatever the number of findings. Writes join the caller's transaction.
 */
public interface RegisterRepository {

    /** The cycle's register, ordered by finding key. */
    List<RegisterEntry> list(String cycleKey);

    Optional<RegisterEntry> find(String cycleKey, String findingKey);

    /** Those of {@code findingKeys} that are already in the cycle's register. */
    Set<String> enrolled(String cycleKey, Collection<String> findingKeys);

    void insertAll(List<RegisterEntry> entries);

    /** Replaces the entry of the same cycle and finding. */
    void update(RegisterEntry entry);

    /** Risk-accepted entries, of every cycle, whose acceptance ended before {@code day}. */
    List<RegisterEntry> acceptancesExpiredBefore(LocalDate day);

    /** The finding's entries in every cycle, oldest enrolment first. */
    List<RegisterEntry> byFinding(String findingKey);

    /**
     * The entries linked to this tracker issue id, in every cycle (an entry handed over keeps its issue), oldest
     * enrolment first: one query over an index, whatever the size of the registers.
     */
    List<RegisterEntry> byTrackerIssue(String issueId);

    /**
     * Reads the entry and holds it against concurrent changes until the caller's transaction ends, so that two
     * changes of one entry (a mobilisation retried on another node, a tracker event and reconciliation) run one
     * after the other, the second reading what the first stored.
     */
    Optional<RegisterEntry> lock(String cycleKey, String findingKey);
}
