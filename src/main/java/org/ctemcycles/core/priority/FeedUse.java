package org.ctemcycles.core.priority;

import org.ctemcycles.core.scoring.Freshness;

import java.util.Objects;

/**
 * A feed a prioritisation run used (or could not use), with its version and freshness at that moment; every decision
 * of the run records it, so a decision made on a stale feed says so.
 *
 * @param feed      "EPSS" or "KEV"
 * @param version   model_version or catalogVersion; "" when no feed was given
 * @param asOf      score_date or dateReleased (ISO); ""
 * @param source    file or database it was read from; ""
 * @param freshness null when no feed was given
 */
public record FeedUse(String feed, String version, String asOf, String source, Freshness freshness) {

    public FeedUse {
        Objects.requireNonNull(feed, "feed");
        version = version == null ? "" : version;
        asOf = asOf == null ? "" : asOf;
        source = source == null ? "" : source;
    }

    public boolean given() {
        return freshness != null;
    }

    public boolean stale() {
        return freshness != null && freshness.stale();
    }

    /** E.g. "EPSS v2026.06.15 of 2026-09-26T12:00:22Z (stale: 9 days old, policy allows 3)" or "KEV: no feed given". */
    public String describe() {
        return given() ? feed + " " + version + " of " + asOf + " (" + freshness.describe() + ")"
                : feed + ": no feed given";
    }
}
