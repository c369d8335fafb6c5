package org.ctemcycles.core.scoring.kev;

import org.ctemcycles.core.scoring.Freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The provenance of a KEV catalogue: its title, {@code catalogVersion} (e.g. {@code 2025.08.25}), {@code dateReleased},
 * where it was read from and when. The CSV form carries no header fields: a CSV catalogue's version and release date
 * are those the caller names (e.g. from the download date), and {@code title} says it came from CSV.
 */
public record KevCatalogInfo(String title, String catalogVersion, Instant dateReleased, int count, String source,
                             Instant loadedAt) {

    public KevCatalogInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(catalogVersion, "catalogVersion");
        Objects.requireNonNull(dateReleased, "dateReleased");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    public Freshness freshness(Instant usedAt, Duration maxAge) {
        return new Freshness(dateReleased, usedAt, maxAge);
    }
}
