package org.ctemcycles.core.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The before and after states of a log entry as text: a flat JSON object of the fields that matter, in the order
 * given, values as strings, so that a reader (and any JSON tool) sees exactly what changed.
 */
public final class StateText {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private StateText() {
    }

    public static StateText of(String field, Object value) {
        return new StateText().and(field, value);
    }

    /** Adds a field; a null value is written as "". */
    public StateText and(String field, Object value) {
        fields.put(field, value == null ? "" : value.toString());
        return this;
    }

    @Override
    public String toString() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, field.getKey());
            json.append(':');
            quote(json, field.getValue());
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
