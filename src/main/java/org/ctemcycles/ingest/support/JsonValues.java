package org.ctemcycles.ingest.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Null-safe, type-tolerant reads from a record's JSON tree (tools write numbers as strings and vice versa). */
public final class JsonValues {

    private JsonValues() {
    }

    /** The member as text when it is a string, number or boolean; null when absent, null or structured. */
    public static String text(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        return text(object.get(name));
    }

    public static String text(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return null;
        }
        return element.getAsString();
    }

    /** The member as trimmed text, or null when absent or blank. */
    public static String nonBlank(JsonObject object, String name) {
        String text = text(object, name);
        if (text == null) {
            return null;
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    public static JsonObject object(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonElement element = object.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }

    /** The member as an array; a single non-array value counts as an array of one; absent or null is empty. */
    public static JsonArray array(JsonObject object, String name) {
        JsonArray array = new JsonArray();
        if (object == null) {
            return array;
        }
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            return array;
        }
        if (element.isJsonArray()) {
            return element.getAsJsonArray();
        }
        array.add(element);
        return array;
    }

    /** The objects of the member's array (other entries are ignored). */
    public static List<JsonObject> objects(JsonObject object, String name) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement element : array(object, name)) {
            if (element.isJsonObject()) {
                objects.add(element.getAsJsonObject());
            }
        }
        return objects;
    }

    /** The texts of the member, whether it is one value, an array of values, or a comma-separated string. */
    public static List<String> texts(JsonObject object, String name) {
        List<String> texts = new ArrayList<>();
        for (JsonElement element : array(object, name)) {
            String text = text(element);
            if (text != null && !text.isBlank()) {
                texts.add(text.trim());
            }
        }
        return texts;
    }

    /** Follows a path of object members; null where any step is missing. */
    public static JsonObject path(JsonObject object, String... names) {
        JsonObject at = object;
        for (String name : names) {
            at = object(at, name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }
}
