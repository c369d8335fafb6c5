package org.ctemcycles.core.mobilisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the mobilisation register is stored: one entry per finding and cycle. Every read is one
 * query whatever the number of findings (reads by finding keys: one per 500 keys). Writes join the caller's
 * transaction.
 */
public interface RegisterRepository {

    /** The cycle's register, ordered by finding key. */
    List<RegisterEntry> list(String cycleKey);

    Optional<RegisterEntry> find(String cycleKey, String findingKey);

    /** Those of {@code findingKeys} that are already in the cycle's register. */
    Set<String> enrolled(String cycleKey, Collection<String> findingKeys);

    /** The cycle's entries of these findings (those in its register), by finding key. */
    Map<String, RegisterEntry> entries(String cycleKey, Collection<String> findingKeys);

    void insertAll(List<RegisterEntry> entries);

    /** Replaces the entry of the same cycle and finding. */
    void update(RegisterEntry entry);

    /** Risk-accepted entries, of every cycle, whose acceptance ended before {@code day}. */
    List<RegisterEntry> acceptancesExpiredBefore(LocalDate day);

    /** The finding's entries in every cycle, oldest enrolment first. */
    List<RegisterEntry> byFinding(String findingKey);
}
