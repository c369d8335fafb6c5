package org.ctemcycles.core.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The before and after states of a log entry as text: a flat JSON object of the fields that matter, in the order
 * given, values as strings, so that a reader (and any JSON tool) sees exactly what changed. {@link #fields} reads
 * such a text back, and {@link #readable} shows it to a person as {@code name: value} lines instead of JSON with
 * escapes.
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

    /** A field of a recorded state, as read back. */
    public record Field(String name, String value) {
    }

    /**
     * The fields of a recorded state in their order; empty for "" (no state). A text that is not a flat JSON object
     * of strings (an edited row, an entry from before this format) comes back as one field without a name holding
     * the text as stored, so nothing recorded is ever hidden.
     */
    public static List<Field> fields(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return parse(text).map(map -> map.entrySet().stream().map(e -> new Field(e.getKey(), e.getValue())).toList())
                .orElse(List.of(new Field("", text)));
    }

    /**
     * A recorded state as lines of {@code name: value} ("" for none); a value of several lines goes on in lines
     * indented by two spaces.
     */
    public static String readable(String text) {
        return fields(text).stream().map(f -> (f.name().isEmpty() ? "" : f.name() + ": ")
                + f.value().stripTrailing().replace("\n", "\n  ")).collect(Collectors.joining("\n"));
    }

    /** A recorded state on one line: {@code name: value; name: value}, the lines of a value joined by ", ". */
    public static String inline(String text) {
        return fields(text).stream().map(f -> (f.name().isEmpty() ? "" : f.name() + ": ")
                + f.value().strip().replace("\n", ", ")).collect(Collectors.joining("; "));
    }

    /** The flat JSON object of strings this class writes, read back; empty when the text is anything else. */
    static Optional<Map<String, String>> parse(String text) {
        Reader reader = new Reader(text.strip());
        Map<String, String> fields = new LinkedHashMap<>();
        if (!reader.take('{')) {
            return Optional.empty();
        }
        if (reader.take('}')) {
            return reader.done() ? Optional.of(fields) : Optional.empty();
        }
        do {
            String name = reader.string();
            if (name == null || !reader.take(':')) {
                return Optional.empty();
            }
            String value = reader.string();
            if (value == null) {
                return Optional.empty();
            }
            fields.put(name, value);
        } while (reader.take(','));
        return reader.take('}') && reader.done() ? Optional.of(fields) : Optional.empty();
    }

    /** Reads the JSON this class writes: strings with its escapes, no white space between tokens. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        boolean done() {
            return at == text.length();
        }

        String string() {
            if (!take('"')) {
                return null;
            }
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    return null;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            return null;
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            return null;
                        }
                        at += 4;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }
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
