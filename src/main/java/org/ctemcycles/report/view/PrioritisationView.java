package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.priority.FeedUse;

import java.util.List;

/**
 * The prioritisation rationale: the policy and feeds of the current queue, the queue in rank order, and a hint to
 * prioritise again when validations were recorded after the queue was ranked.
 */
public final class PrioritisationView {

    private final String cycleKey;
    private final String policy;
    private final List<FeedUse> feeds;
    private final Iterable<RankedDecision> queue;
    private final int validationsSinceQueue;

    public PrioritisationView(String cycleKey, String policy, List<FeedUse> feeds, Iterable<RankedDecision> queue,
                              int validationsSinceQueue) {
        this.cycleKey = cycleKey;
        this.policy = policy;
        this.feeds = List.copyOf(feeds);
        this.queue = queue;
        this.validationsSinceQueue = validationsSinceQueue;
    }

    /**
     * When validations were recorded after the queue was ranked: how many, and how to rank again so that the factors
     * include them; "" otherwise.
     */
    public String getReprioritiseHint() {
        return validationsSinceQueue == 0 ? "" : Counted.of(validationsSinceQueue, "validation", "validations")
                + (validationsSinceQueue == 1 ? " was" : " were") + " recorded after this queue was ranked, so the"
                + " factors of the items marked below predate what validation proved. Prioritise the cycle again"
                + " (ctem cycle prioritise " + cycleKey + ") to rank them with it.";
    }

    /** E.g. "ctem-default v1", or "never prioritised". */
    public String getPolicy() {
        return policy.isEmpty() ? "never prioritised" : policy;
    }

    /** Each feed with its version and freshness, e.g. "EPSS v2025.03.14 of 2025-08-31 (fresh: 1 day old)". */
    public List<String> getFeeds() {
        return feeds.stream().map(FeedUse::describe).toList();
    }

    public ViewRows<QueueItemView> getQueue() {
        return ViewRows.of(queue, QueueItemView::new);
    }
}
