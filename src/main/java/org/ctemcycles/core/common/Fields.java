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

    /** An ISO date (YYYY-MM-DD); null, with a problem, when blank or not such a date. */
    public static LocalDate date(String field, String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required (a date such as 2026-07-01)"));
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + raw.trim() + "' is not a date of the form YYYY-MM-DD"));
            return null;
        }
    }
}
