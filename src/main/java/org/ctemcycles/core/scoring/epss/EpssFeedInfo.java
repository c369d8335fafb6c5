package org.ctemcycles.core.scoring.epss;

import org.ctemcycles.core.scoring.Freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a set of EPSS scores came from: the provenance every decision records beside the values it used.
 *
 * @param modelVersion the model that produced the scores, e.g. {@code v2026.06.15} (calibration changes with it)
 * @param scoreDate    the date the scores describe, from the feed's first line
 * @param source       the file or URL it was read from
 * @param rows         how many CVEs the feed scores
 * @param loadedAt     when it was read
 */
public record EpssFeedInfo(String modelVersion, Instant scoreDate, String source, int rows, Instant loadedAt) {

    public EpssFeedInfo {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(scoreDate, "scoreDate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    public Freshness freshness(Instant usedAt, Duration maxAge) {
        return new Freshness(scoreDate, usedAt, maxAge);
    }
}
