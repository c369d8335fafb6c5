package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the mobilisation register is stored: one entry per finding and cycle. Every read is one
 * query whatever the number of findings (reads by finding keys: one per 1,000 keys). Writes join the caller's
 * transaction.
 */
public interface RegisterRepository {

    /** The cycle's register, ordered by finding key. */
    List<RegisterEntry> list(String cycleKey);

    Optional<RegisterEntry> find(String cycleKey, String findingKey);

    /** Those of {@code findingKeys} that are already in the cycle's register. */
    Set<String> enrolled(String cycleKey, Collection<String> findingKeys);

    /** The cycle's entries of these findings (those in its register), by finding key. */
    default Map<String, RegisterEntry> entries(String cycleKey, Collection<String> findingKeys) {
        Map<String, RegisterEntry> out = new HashMap<>();
        for (String key : findingKeys) {
            find(cycleKey, key).ifPresent(entry -> out.put(key, entry));
        }
        return out;
    }

    /**
     * The status of each of these findings that is in the cycle's register, by finding key: what taking a run in
     * needs (whether a finding is enrolled, and whether it was resolved), without reading whole entries.
     */
    default Map<String, FindingStatus> statuses(String cycleKey, Collection<String> findingKeys) {
        Map<String, FindingStatus> out = new HashMap<>();
        entries(cycleKey, findingKeys).forEach((key, entry) -> out.put(key, entry.status()));
        return out;
    }

    /** How many of the cycle's entries are in each status (statuses with none left out). */
    default Map<FindingStatus, Long> countByStatus(String cycleKey) {
        Map<FindingStatus, Long> out = new EnumMap<>(FindingStatus.class);
        list(cycleKey).forEach(entry -> out.merge(entry.status(), 1L, Long::sum));
        return out;
    }

    void insertAll(List<RegisterEntry> entries);

    /** Replaces the entry of the same cycle and finding. */
    void update(RegisterEntry entry);

    /**
     * Risk-accepted entries, of every cycle, whose acceptance ended before {@code day}, by cycle key then finding key.
     */
    List<RegisterEntry> acceptancesExpiredBefore(LocalDate day);

    /** The finding's entries in every cycle, oldest enrolment first (in order of insertion among equals). */
    List<RegisterEntry> byFinding(String findingKey);

    /**
     * The entries linked to this tracker issue id, in every cycle (an entry handed over keeps its issue), oldest
     * enrolment first: one query over an index, whatever the size of the registers.
     */
    List<RegisterEntry> byTrackerIssue(String issueId);

    /**
     * Of these entries (as read from this register), those naming a tracker issue that {@link #byTrackerIssue} and
     * the issue panel would not find by it: entries a version before the tracker links stored or changed (ADR 054).
     * A query or two per 1,000 entries. Reconciliation hands over the entries it checks and gives each its link.
     */
    List<RegisterEntry> withoutTrackerLink(List<RegisterEntry> entries);

    /**
     * Makes the entry, held by {@link #lock} and naming a tracker issue, found by it: writes or mends its link.
     *
     * @return whether the link had to be written or mended (false when a change since made it right)
     */
    boolean addTrackerLink(RegisterEntry locked);

    /**
     * Reads the entry and holds it against concurrent changes until the caller's transaction ends, so that two
     * changes of one entry (a mobilisation retried on another node, a tracker event and reconciliation) run one
     * after the other, the second reading what the first stored.
     */
    Optional<RegisterEntry> lock(String cycleKey, String findingKey);
}
