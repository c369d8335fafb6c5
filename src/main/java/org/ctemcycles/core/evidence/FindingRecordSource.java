package org.ctemcycles.core.evidence;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.util.List;
import java.util.Optional;

/**
 * The port through which one finding's record is read for the issue it was mobilised into: each method is one query
 * (or two), whatever the size of the cycle, so an issue view renders with a bounded number of statements (a finding
 * handed over and not yet scanned in its new cycle: two more per cycle it was handed through).
 */
public interface FindingRecordSource {

    /**
     * The register entries whose tracker issue has the id {@code issueId} (stable when the issue moves) or, when none
     * has, whose issue is {@code issueKey} (entries whose tracker names issues by key, as the command line's does), in
     * every cycle (an entry handed over keeps its issue), oldest enrolment first; either may be null.
     */
    List<RegisterEntry> trackedBy(String issueId, String issueKey);

    /**
     * The record discovery holds of the entry's finding in the entry's cycle or, when that cycle has not seen it (an
     * entry handed over before its new cycle scanned the finding), in the cycle it was carried from, and so back
     * along the hand-overs; empty when none of them has.
     */
    Optional<Finding> finding(RegisterEntry entry);

    /**
     * The finding's place in the cycle's current queue (the newest ranking of the cycle): its rank (from 1) and
     * decision, or no item when the cycle was never prioritised or that ranking does not hold the finding (it entered
     * the register after it); and how many items the ranking has.
     */
    QueuePlace queuePlace(String cycleKey, String findingKey);

    /**
     * @param item   the finding's rank and decision, or null
     * @param length the items of the current ranking, 0 when never prioritised
     */
    record QueuePlace(RankedDecision item, int length) {
    }
}
