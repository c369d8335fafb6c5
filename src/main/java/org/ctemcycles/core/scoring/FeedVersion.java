package org.ctemcycles.core.scoring;

import java.time.Instant;

/**
 * One loaded version of a feed: its model_version (EPSS) or catalogVersion (KEV), the date its data describes (EPSS
 * score_date, KEV dateReleased), where it came from, how many rows, its state, and when it was loaded.
 */
public record FeedVersion(int id, FeedKind kind, String version, Instant asOf, String source, String title,
                          int rows, Status status, Instant loadedAt) {

    /**
     * Where a version stands: rows still being written, the one prioritisation reads, replaced by a newer one (its
     * rows removed), or a load that failed (its rows removed; the previous version stayed active).
     */
    public enum Status {
        LOADING, ACTIVE, RETIRED, FAILED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
