package org.ctemcycles.core.cadence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item of the scope a closed cycle recommends for the next one, with the numbers behind it, and whether the
 * next cycle took it.
 *
 * @param number    the item's number within the cycle's recommendation, from 1, which the lead names to take it
 * @param subject   a surface key of the closed cycle, the cycle's own key (its objective), or a candidate asset's
 *                  scope rule ({@code host:api.example.com})
 * @param numbers   the counts the reason is written from, in the order the reason names them
 * @param takenInto the next cycle that took the item, or "" while it is only recommended
 * @param takenAt   null while not taken
 */
public record RecommendedItem(String cycleKey, int number, RecommendationKind kind, String subject, String reason,
                              Map<String, Long> numbers, String takenInto, String takenBy, Instant takenAt) {

    public RecommendedItem {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        numbers = Map.copyOf(numbers);
        takenInto = takenInto == null ? "" : takenInto;
        takenBy = takenBy == null ? "" : takenBy;
    }

    /** A recommended item nobody took yet. */
    public static RecommendedItem offered(String cycleKey, int number, RecommendationKind kind, String subject,
                                          String reason, Map<String, Long> numbers) {
        return new RecommendedItem(cycleKey, number, kind, subject, reason, numbers, "", "", null);
    }

    public boolean taken() {
        return !takenInto.isEmpty();
    }

    public RecommendedItem takenBy(String nextCycleKey, String actor, Instant at) {
        return new RecommendedItem(cycleKey, number, kind, subject, reason, numbers, nextCycleKey, actor, at);
    }

    public long number(String name) {
        return numbers.getOrDefault(name, 0L);
    }

    /** The numbers as {@code name=value} lines, sorted by name; {@link #decodeNumbers} reads them back. */
    public String encodeNumbers() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(numbers).forEach((name, value) -> text.append(name).append('=').append(value)
                .append('\n'));
        return text.toString();
    }

    public static Map<String, Long> decodeNumbers(String text) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            int equals = line.lastIndexOf('=');
            if (equals > 0) {
                numbers.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1).trim()));
            }
        }
        return numbers;
    }
}
