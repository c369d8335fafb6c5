package org.ctemcycles.report.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How views write values as text: ISO dates and times, and the anchor of a finding in a report. */
final class ViewText {

    private ViewText() {
    }

    /** ISO-8601 in UTC, e.g. 2026-07-01T09:30:00Z; "" for none. */
    static String instant(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** The day of an instant in UTC, e.g. 2026-07-01; "" for none. */
    static String day(Instant at) {
        return at == null ? "" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** ISO-8601, e.g. 2026-07-01; "" for none. */
    static String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** The id of a finding's row in the finding set, which the queue, validation and register link to. */
    static String findingAnchor(String findingKey) {
        return "finding-" + findingKey;
    }
}
