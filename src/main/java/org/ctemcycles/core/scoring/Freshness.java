package org.ctemcycles.core.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How old a feed's data is at the moment it is used, and whether that is older than the age the policy allows. Every
 * use of a feed (a decision, the command line) reports it, so that a stale feed never passes silently.
 *
 * @param asOf   the date the feed's data describes (EPSS score_date, KEV dateReleased)
 * @param usedAt when the feed was used
 * @param maxAge the oldest the policy accepts
 */
public record Freshness(Instant asOf, Instant usedAt, Duration maxAge) {

    public Freshness {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(usedAt, "usedAt");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The age of the data when used (zero if the data claims a future date). */
    public Duration age() {
        Duration age = Duration.between(asOf, usedAt);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public boolean stale() {
        return age().compareTo(maxAge) > 0;
    }

    /** For messages and rationale: e.g. "stale: 9 days old, policy allows 3" or "fresh: 1 day old". */
    public String describe() {
        long days = age().toDays();
        String old = days == 1 ? "1 day old" : days + " days old";
        return stale() ? "stale: " + old + ", policy allows " + maxAge.toDays() : "fresh: " + old;
    }
}
