package org.ctemcycles.jira.admin;

import org.ctemcycles.core.scoring.FeedKind;
import org.ctemcycles.core.scoring.FeedVersion;
import org.ctemcycles.core.scoring.Freshness;

import java.time.Duration;
import java.time.Instant;

/**
 * A feed's state for the configuration page, as plain text for Velocity: the active version (or none loaded), the
 * date its data describes, where it came from, and whether it is older than the policy allows now.
 */
public final class FeedStatusView {

    private final String name;
    private final FeedVersion version;
    private final Freshness freshness;
    private final Duration maxAge;

    FeedStatusView(FeedKind kind, FeedVersion version, Duration maxAge, Instant now) {
        this.name = kind.name();
        this.version = version;
        this.maxAge = maxAge;
        this.freshness = version == null ? null : new Freshness(version.asOf(), now, maxAge);
    }

    public String getName() {
        return name;
    }

    public boolean isLoaded() {
        return version != null;
    }

    /** model_version (EPSS) or catalogVersion (KEV). */
    public String getVersion() {
        return version == null ? "" : version.version();
    }

    /** The date the data describes (EPSS score_date, KEV dateReleased). */
    public String getAsOf() {
        return version == null ? "" : version.asOf().toString().substring(0, 10);
    }

    public String getSource() {
        return version == null ? "" : version.source();
    }

    public String getLoadedAt() {
        return version == null ? "" : version.loadedAt().toString();
    }

    public String getRows() {
        return version == null ? "" : Integer.toString(version.rows());
    }

    /** Stale when none is loaded, or when the data is older than the policy allows. */
    public boolean isStale() {
        return freshness == null || freshness.stale();
    }

    public String getAgeDays() {
        return freshness == null ? "" : Long.toString(freshness.age().toDays());
    }

    public String getMaxAgeDays() {
        return Long.toString(maxAge.toDays());
    }
}
