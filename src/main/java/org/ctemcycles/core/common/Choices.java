package org.ctemcycles.core.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enum constant from what a user typed: its name in any case, with hyphens or spaces for underscores
 * ("customer-facing system", "INTERNET_FACING", "in progress"), and names the choices when the text is none of them.
 */
public final class Choices {

    private Choices() {
    }

    /** The constant, or null: with a problem for {@code field} when the text is wrong, or required but blank. */
    public static <E extends Enum<E>> E parse(String field, String raw, Class<E> type, boolean required,
                                              List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "is required (one of " + list(type) + ")"));
            }
            return null;
        }
        String wanted = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        problems.add(new Problem(field, "'" + raw.trim() + "' is not one of " + list(type)));
        return null;
    }

    /** The choices as a user types them: "critical, high, medium, low". */
    public static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::typed).collect(Collectors.joining(", "));
    }

    /** One constant as a user types it: "in-progress". */
    public static String typed(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
