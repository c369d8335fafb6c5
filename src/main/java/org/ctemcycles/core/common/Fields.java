package org.ctemcycles.core.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the raw text fields of a draft (a form, a JSON body, command-line options): trimmed text within a length,
 * and ISO dates. Each problem is added for its field, so a service reports all of them at once; a value with a
 * problem comes back null.
 */
public final class Fields {

    private Fields() {
    }

    /** The trimmed text; null, with a problem, when blank or longer than {@code maxLength}. */
    public static String required(String field, String raw, int maxLength, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required"));
            return null;
        }
        return optional(field, raw, maxLength, problems);
    }

    /** The trimmed text, "" when absent; null, with a problem, when longer than {@code maxLength}. */
    public static String optional(String field, String raw, int maxLength, List<Problem> problems) {
        String text = raw == null ? "" : raw.trim();
        if (text.length() > maxLength) {
            problems.add(new Problem(field, "is " + text.length() + " characters long; at most " + maxLength
                    + " are allowed"));
            return null;
        }
        return text;
    }

    /**
     * An ISO date (YYYY-MM-DD, years 0001 to 9999, the range every database and ISO text stores); null, with a
     * problem, when blank or not such a date.
     */
    public static LocalDate date(String field, String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required (a date such as 2026-07-01)"));
            return null;
        }
        String text = raw.trim();
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                problems.add(new Problem(field, "'" + text + "' is out of range: a date must lie between"
                        + " 0001-01-01 and 9999-12-31"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + text + "' is not a date of the form YYYY-MM-DD"));
            return null;
        }
    }
}
