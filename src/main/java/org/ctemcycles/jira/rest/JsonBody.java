package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.ctemcycles.core.cadence.GateNotMetException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A JSON request body read strictly: an object of at most {@link #MAX_CHARS} characters whose fields are all known,
 * each a string, number, boolean or null (or, where the resource says so, an array of those, or an object of known
 * fields of its own, named {@code outer.inner} in problems). Anything else is a problem naming its field, so a typo in
 * a field name is an error, not a silently ignored value.
 */
final class JsonBody {

    static final int MAX_CHARS = 64 * 1024;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /**
     * @param fields      the fields the body may have
     * @param arrayFields those of them that take an array of plain values
     * @throws InvalidInputException naming every problem of the body
     */
    static JsonBody parse(String body, Set<String> fields, Set<String> arrayFields) {
        return parse(body, fields, arrayFields, Map.of());
    }

    /**
     * @param objectFields those of the fields that take an object, with the (plain) fields that object may have
     * @throws InvalidInputException naming every problem of the body
     */
    static JsonBody parse(String body, Set<String> fields, Set<String> arrayFields,
                          Map<String, Set<String>> objectFields) {
        JsonObject parsed = object(body, fields);
        List<Problem> problems = new ArrayList<>();
        check(parsed, "", fields, arrayFields, objectFields, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new JsonBody(parsed);
    }

    /**
     * The body as a JSON object of at most {@link #MAX_CHARS} characters, its fields not yet checked (for bodies
     * whose field names are data, such as a map of workflow statuses; the caller checks them).
     *
     * @param fields named in the message when the body is empty
     * @throws InvalidInputException naming {@code body} when it is empty, too long, not JSON or not an object
     */
    static JsonObject object(String body, Set<String> fields) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is empty: send a JSON object with the fields "
                    + String.join(", ", new TreeSet<>(fields)));
        }
        if (body.length() > MAX_CHARS) {
            throw new InvalidInputException("body", "is " + body.length() + " characters long; at most " + MAX_CHARS
                    + " are accepted");
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw new InvalidInputException("body", "must be a JSON object, not " + kind(parsed));
        }
        return parsed.getAsJsonObject();
    }

    /** As {@link #parse(String, Set, Set, Map)}, but an empty body is an empty object: every field is optional. */
    static JsonBody optional(String body, Set<String> fields, Map<String, Set<String>> objectFields) {
        return body == null || body.isBlank() ? new JsonBody(new JsonObject())
                : parse(body, fields, Set.of(), objectFields);
    }

    private static void check(JsonObject object, String prefix, Set<String> fields, Set<String> arrayFields,
                              Map<String, Set<String>> objectFields, List<Problem> problems) {
        for (Map.Entry<String, JsonElement> field : object.entrySet()) {
            String name = prefix + field.getKey();
            JsonElement value = field.getValue();
            if (!fields.contains(field.getKey())) {
                problems.add(new Problem(name, "is not a field of this request (" + (fields.isEmpty()
                        ? "it takes no fields" : "expected one of " + String.join(", ", new TreeSet<>(fields)))
                        + ")"));
            } else if (arrayFields.contains(field.getKey())) {
                if (!value.isJsonNull() && !(value.isJsonArray() && plainValues(value.getAsJsonArray()))) {
                    problems.add(new Problem(name, "must be an array of strings, not " + kind(value)));
                }
            } else if (objectFields.containsKey(field.getKey())) {
                if (value.isJsonObject()) {
                    check(value.getAsJsonObject(), name + ".", objectFields.get(field.getKey()), Set.of(), Map.of(),
                            problems);
                } else if (!value.isJsonNull()) {
                    problems.add(new Problem(name, "must be an object with the fields " + String.join(", ",
                            new TreeSet<>(objectFields.get(field.getKey()))) + ", not " + kind(value)));
                }
            } else if (!value.isJsonNull() && !value.isJsonPrimitive()) {
                problems.add(new Problem(name, "must be a string, a number or a boolean, not " + kind(value)));
            }
        }
    }

    /** The object field, or null when absent or null. */
    JsonBody object(String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : new JsonBody(value.getAsJsonObject());
    }

    /**
     * Runs a service call made with this body's values, so that its problems name the body's fields: a problem of
     * service field F is renamed to {@code bodyFields.get(F)} where given; with a {@code reference} field, a
     * {@link NotFoundException} (the body names a finding or cycle that is not there) is a problem of that field.
     * A refused stage gate keeps its own shape.
     */
    static <T> T naming(Map<String, String> bodyFields, String reference, Supplier<T> call) {
        try {
            return call.get();
        } catch (GateNotMetException gate) {
            throw gate;
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.problems().stream()
                    .map(p -> new Problem(bodyFields.getOrDefault(p.field(), p.field()), p.message())).toList());
        } catch (NotFoundException missing) {
            if (reference == null) {
                throw missing;
            }
            throw new InvalidInputException(reference, missing.getMessage());
        }
    }

    /** The field as text, or null when absent or null. */
    String text(String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The array field's values as text, or null when absent or null. */
    List<String> texts(String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        value.getAsJsonArray().forEach(e -> texts.add(e.isJsonNull() ? null : e.getAsString()));
        return texts;
    }

    /** A boolean field: true, false, "true" or "false"; {@code otherwise} when absent. */
    boolean flag(String field, boolean otherwise) {
        String text = text(field);
        if (text == null) {
            return otherwise;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidInputException(field, "must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    private static boolean plainValues(JsonArray array) {
        for (JsonElement element : array) {
            if (!element.isJsonNull() && !element.isJsonPrimitive()) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonElement element) {
        return element.isJsonArray() ? "an array" : element.isJsonObject() ? "an object" : "a " + element;
    }
}
