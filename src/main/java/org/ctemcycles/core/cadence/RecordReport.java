package org.ctemcycles.core.cadence;

import java.util.List;

/**
 * What verifying a cycle's record digests found: the digests checked, oldest first, and every breach (up to a
 * bound per set and pair of digests, with {@code unlisted} counting the rest).
 */
public record RecordReport(String cycleKey, List<RecordDigest> digests, List<RecordBreach> breaches, long unlisted) {

    public RecordReport {
        digests = List.copyOf(digests);
        breaches = List.copyOf(breaches);
    }

    public boolean intact() {
        return breaches.isEmpty() && unlisted == 0;
    }

    public long breachCount() {
        return breaches.size() + unlisted;
    }
}
