package org.ctemcycles.core.discovery;

import org.ctemcycles.core.common.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scheduled discovery source of a cycle: a report fetched over HTTPS from {@code location} (with a token, kept
 * sealed), or the report files of a folder, imported every {@code every} through the one import path.
 *
 * <p>A source whose runs keep failing backs off: after {@code failures} failed runs in a row its next run waits
 * {@code every} doubled that many times, at most {@link #BACK_OFF_CAP} (or {@code every} when that is longer), so a
 * broken endpoint is not hammered every five minutes, yet is tried at least daily. A run that works resets it. The
 * count is stored with the source, so a restart or another node of the cluster keeps to the same wait.
 *
 * @param id          0 until stored
 * @param sealedToken the token sealed with a key kept outside the database, or "" for none; never the token itself
 * @param format      the importer to read the reports with, or null to detect it
 * @param lastRunAt   null until the source first ran
 * @param lastOutcome what its last run did, in words (no token, no report content)
 * @param failures    how many runs in a row failed (0 after a run that worked)
 */
public record DiscoverySource(long id, String cycleKey, String name, Kind kind, String location, String sealedToken,
                              Duration every, List<String> covers, String format, String createdBy,
                              Instant lastRunAt, String lastOutcome, int failures) {

    /** The longest a failing source waits between runs, unless its own interval is longer. */
    public static final Duration BACK_OFF_CAP = Duration.ofHours(24);

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
        failures = Math.max(0, failures);
    }

    /**
     * How long after its last run the source runs again: {@code every}, or while runs fail {@code every} x
     * 2^failures, capped at the larger of {@link #BACK_OFF_CAP} and {@code every}.
     */
    public Duration nextWait() {
        if (failures == 0) {
            return every;
        }
        Duration cap = every.compareTo(BACK_OFF_CAP) > 0 ? every : BACK_OFF_CAP;
        // 2^20 x 5 minutes is far beyond any cap: stop doubling before the multiplication could overflow
        Duration backedOff = every.multipliedBy(1L << Math.min(failures, 20));
        return backedOff.compareTo(cap) > 0 ? cap : backedOff;
    }

    /** When the source is next due, or null when it never ran (due at once). */
    public Instant nextRunAt() {
        return lastRunAt == null ? null : lastRunAt.plus(nextWait());
    }

    /** Due when it never ran, or when its {@link #nextWait()} has passed since its last run (by the injected clock). */
    public boolean due(Instant now) {
        return lastRunAt == null || !now.isBefore(nextRunAt());
    }

    /**
     * A source's interval as a person writes it: {@code 30m}, {@code 6h}, {@code 1d}, or an ISO-8601 duration.
     *
     * @throws InvalidInputException naming {@code field} when it is missing or not a duration
     */
    public static Duration parseEvery(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required (e.g. 6h or 1d)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d{1,6}[mhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a duration: write 30m, 6h or 1d");
        }
    }

    /** An interval as people write it: "1d", "6h", "30m". */
    public static String text(Duration d) {
        return d.toDays() > 0 && d.toHours() % 24 == 0 ? d.toDays() + "d"
                : d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    /** The source after a run at {@code at}: a failed run adds to the back-off, one that worked resets it. */
    public DiscoverySource ran(Instant at, String outcome, boolean failed) {
        return new DiscoverySource(id, cycleKey, name, kind, location, sealedToken, every, covers, format, createdBy,
                at, outcome, failed ? failures + 1 : 0);
    }

    public DiscoverySource withId(long newId) {
        return new DiscoverySource(newId, cycleKey, name, kind, location, sealedToken, every, covers, format,
                createdBy, lastRunAt, lastOutcome, failures);
    }
}
