package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.priority.FeedUse;

import java.util.List;

/** The prioritisation rationale: the policy and feeds of the current queue, and the queue in rank order. */
public final class PrioritisationView {

    private final String policy;
    private final List<FeedUse> feeds;
    private final Iterable<RankedDecision> queue;

    public PrioritisationView(String policy, List<FeedUse> feeds, Iterable<RankedDecision> queue) {
        this.policy = policy;
        this.feeds = List.copyOf(feeds);
        this.queue = queue;
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
