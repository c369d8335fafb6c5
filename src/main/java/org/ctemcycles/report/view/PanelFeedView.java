package org.ctemcycles.report.view;

import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.scoring.Freshness;

import java.time.Instant;

/**
 * A feed (EPSS or KEV) as the decision used it: its version and date, and whether it was stale then or is stale now
 * (the decision keeps its inputs; a feed fresh when used may be past the policy's age by the time someone reads it).
 */
public final class PanelFeedView {

    private final String name;
    private final boolean given;
    private final String version;
    private final String asOf;
    private final boolean staleWhenUsed;
    private final boolean staleNow;
    private final String freshnessWhenUsed;
    private final String freshnessNow;

    PanelFeedView(FeedUse use, Instant now) {
        this.name = use.feed();
        this.given = use.given();
        this.version = use.version();
        this.asOf = use.asOf();
        Freshness used = use.freshness();
        this.staleWhenUsed = used != null && used.stale();
        Freshness current = used == null ? null : new Freshness(used.asOf(), now, used.maxAge());
        this.staleNow = current != null && current.stale();
        this.freshnessWhenUsed = used == null ? "" : used.describe();
        this.freshnessNow = current == null ? "" : current.describe();
    }

    /** "EPSS" or "KEV". */
    public String getName() {
        return name;
    }

    /** Whether the ranking had this feed at all. */
    public boolean isGiven() {
        return given;
    }

    /** model_version or catalogVersion. */
    public String getVersion() {
        return version;
    }

    /** score_date or dateReleased, as the feed states it. */
    public String getAsOf() {
        return asOf;
    }

    public boolean isStaleWhenUsed() {
        return staleWhenUsed;
    }

    public boolean isStaleNow() {
        return staleNow;
    }

    /** Stale then or now: the panel flags it. */
    public boolean isStale() {
        return staleWhenUsed || staleNow;
    }

    /** E.g. "fresh: 1 day old" when the decision was made; "" when not given. */
    public String getFreshnessWhenUsed() {
        return freshnessWhenUsed;
    }

    /** E.g. "stale: 40 days old, policy allows 7" today; "" when not given. */
    public String getFreshnessNow() {
        return freshnessNow;
    }
}
