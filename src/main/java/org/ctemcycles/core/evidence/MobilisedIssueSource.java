package org.ctemcycles.core.evidence;

import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.util.Collection;
import java.util.List;

/**
 * The port through which JQL's questions about mobilised issues are read: each method costs a fixed number of
 * statements however large the cycle (for {@link #inKev}, one more per {@link #CHUNK} entries), and returns only
 * register entries linked to a tracker issue.
 */
public interface MobilisedIssueSource {

    /** How many finding keys one statement asks for at most (an IN list every database accepts). */
    int CHUNK = 500;

    /** The cycle's entries that were mobilised into a tracker issue. */
    List<RegisterEntry> mobilised(String cycleKey);

    /**
     * The mobilised entries among the findings at ranks 1 to {@code top} of the cycle's current queue (its newest
     * ranking), in queue order; none when the cycle was never prioritised.
     */
    List<RegisterEntry> queueTop(String cycleKey, int top);

    /**
     * The mobilised entries of these cycles whose finding's newest decision in the entry's cycle (the queue) found a
     * CVE of it in CISA's KEV catalogue.
     */
    List<RegisterEntry> inKev(Collection<String> cycleKeys);
}
