package org.ctemcycles.ingest.priority;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed reads of JSON fields that collect a problem (naming the field's path) instead of failing at the first one, so
 * a user sees every fault of a line or file at once.
 */
final class JsonFields {

    private final String where;
    private final List<String> problems;

    JsonFields(String where, List<String> problems) {
        this.where = where;
        this.problems = problems;
    }

    int problemCount() {
        return problems.size();
    }

    void problem(String field, String message) {
        problems.add(where + field + ": " + message);
    }

    void onlyKnown(JsonObject object, String path, Set<String> known) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                problem(path + name, "is not a known field (known: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")");
            }
        }
    }

    String string(JsonObject object, String path, String name) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problem(path + name, "must be a string");
            return null;
        }
        return e.getAsString();
    }

    List<String> strings(JsonObject object, String path, String name) {
        JsonElement e = object.get(name);
        List<String> values = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return values;
        }
        if (!e.isJsonArray()) {
            problem(path + name, "must be an array of strings");
            return values;
        }
        JsonArray array = e.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                problem(path + name + "[" + i + "]", "must be a string");
            } else {
                values.add(item.getAsString());
            }
        }
        return values;
    }

    BigDecimal number(JsonObject object, String path, String name) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            problem(path + name, "must be a number");
            return null;
        }
        try {
            return new BigDecimal(e.getAsString());
        } catch (NumberFormatException ex) {
            problem(path + name, "'" + e.getAsString() + "' is not a decimal number");
            return null;
        }
    }

    Integer integer(JsonObject object, String path, String name) {
        BigDecimal value = number(object, path, name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException ex) {
            problem(path + name, value.toPlainString() + " is not a whole number");
            return null;
        }
    }

    Boolean bool(JsonObject object, String path, String name) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isBoolean()) {
            problem(path + name, "must be true or false");
            return null;
        }
        return e.getAsBoolean();
    }

    LocalDate date(JsonObject object, String path, String name) {
        String text = string(object, path, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(path + name, "'" + text + "' is not a date YYYY-MM-DD");
            return null;
        }
    }

    Duration duration(JsonObject object, String path, String name) {
        String text = string(object, path, name);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem(path + name, "'" + text + "' is not an ISO-8601 duration such as P3D");
            return null;
        }
    }

    JsonObject object(JsonObject object, String path, String name) {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            problem(path + name, "must be an object");
            return null;
        }
        return e.getAsJsonObject();
    }

    /**
     * An enum value by name, case-insensitive, with spaces and hyphens read as underscores ("internet-facing",
     * "public poc"); null when absent.
     */
    <E extends Enum<E>> E enumValue(JsonObject object, String path, String name, Class<E> type) {
        String text = string(object, path, name);
        return text == null ? null : enumOf(path + name, text, type);
    }

    <E extends Enum<E>> E enumOf(String field, String text, Class<E> type) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(normal)) {
                return value;
            }
        }
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.name());
        }
        problem(field, "'" + text + "' is not one of " + String.join(", ", names));
        return null;
    }
}
