package org.ctemcycles.core.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled discovery source of a cycle: a report fetched over HTTPS from {@code location} (with a token, kept
 * sealed), or the report files of a folder, imported every {@code every} through the one import path.
 *
 * @param id          0 until stored
 * @param sealedToken the token sealed with a key kept outside the database, or "" for none; never the token itself
 * @param format      the importer to read the reports with, or null to detect it
 * @param lastRunAt   null until the source first ran
 * @param lastOutcome what its last run did, in words (no token, no report content)
 */
public record DiscoverySource(long id, String cycleKey, String name, Kind kind, String location, String sealedToken,
                              Duration every, List<String> covers, String format, String createdBy,
                              Instant lastRunAt, String lastOutcome) {

    /** Where a source's reports come from. */
    public enum Kind { HTTPS, FOLDER }

    public DiscoverySource {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(every, "every");
        sealedToken = sealedToken == null ? "" : sealedToken;
        covers = covers == null ? List.of() : List.copyOf(covers);
        lastOutcome = lastOutcome == null ? "" : lastOutcome;
    }

    /** Due when it never ran, or when {@code every} has passed since its last run (by the injected clock). */
    public boolean due(Instant now) {
        return lastRunAt == null || !now.isBefore(lastRunAt.plus(every));
    }

    public DiscoverySource ran(Instant at, String outcome) {
        return new DiscoverySource(id, cycleKey, name, kind, location, sealedToken, every, covers, format, createdBy,
                at, outcome);
    }

    public DiscoverySource withId(long newId) {
        return new DiscoverySource(newId, cycleKey, name, kind, location, sealedToken, every, covers, format,
                createdBy, lastRunAt, lastOutcome);
    }
}
