package org.ctemcycles.ingest.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * A JSON report opened for streaming: Gson's {@link JsonReader} over a {@link JsonGuard} (field length and depth
 * limits, line and column), with the helpers every JSON importer needs to read one record at a time into a small
 * tree and to turn any parse failure into an {@link ImportException} that names the line and column.
 */
public final class JsonSource {

    private final ImportLimits limits;
    private final JsonGuard guard;
    private final JsonReader reader;

    private JsonSource(Reader text, ImportLimits limits) {
        this.limits = limits;
        this.guard = new JsonGuard(text, limits);
        this.reader = new JsonReader(guard);
        reader.setStrictness(Strictness.LEGACY_STRICT);
        reader.setNestingLimit(limits.maxDepth());
    }

    public static JsonSource open(InputStream report, ImportLimits limits) throws IOException {
        return new JsonSource(decode(report), limits);
    }

    public static JsonSource of(Reader text, ImportLimits limits) {
        return new JsonSource(text, limits);
    }

    /**
     * The report's text, in the encoding its byte order mark names (UTF-8 without one, as RFC 8259 requires; UTF-16
     * with one, as Windows PowerShell writes redirected output). Undecodable bytes become U+FFFD rather than failing
     * the report: a stray Latin-1 byte inside a description must not reject a scan.
     */
    public static Reader decode(InputStream report) throws IOException {
        BufferedInputStream in = new BufferedInputStream(report, 1 << 16);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        in.reset();
        for (int i = 0; i < skip; i++) {
            in.read();
        }
        return new InputStreamReader(in, charset);
    }

    public JsonReader reader() {
        return reader;
    }

    /** Where the parser is: "line L, column C ($.json.path)". */
    public String where() {
        // importers ask this once per record: Gson's one description holds both, so it is built once
        String text = reader.toString();
        int at = text.indexOf(" at line ");
        int path = text.indexOf(" path ");
        if (at < 0 || path < at) {
            return guard.position() + " (" + reader.getPath() + ")";
        }
        return text.substring(at + 4, path).replace(" column ", ", column ") + " (" + text.substring(path + 6) + ")";
    }

    /** "line L, column C" of the parser (Gson counts them; the guard reads ahead of it). */
    private String position() {
        // JsonReader.toString() is "JsonReader at line L column C path P"
        String text = reader.toString();
        int at = text.indexOf(" at line ");
        int path = text.indexOf(" path ");
        if (at < 0 || path < at) {
            return guard.position();
        }
        return text.substring(at + 4, path).replace(" column ", ", column ");
    }

    /** The failure as an ImportException naming the line and column (a limit's message is kept as it is). */
    public ImportException failure(Exception e) {
        if (e instanceof ImportException imported) {
            return imported;
        }
        if (e instanceof LimitException) {
            return new ImportException(e.getMessage(), e);
        }
        if (e instanceof EOFException) {
            return new ImportException(position() + ": the JSON ends too early (truncated report?)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int see = message.indexOf("\nSee https://");
        if (see >= 0) {
            message = message.substring(0, see);
        }
        // Gson's own messages end with " at line L column C path P": say it once, at the start
        int at = message.lastIndexOf(" at line ");
        if (at > 0) {
            message = message.substring(0, at);
        }
        message = message.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "not strict JSON (single quotes, unquoted names, comments?)").strip();
        if (message.isEmpty()) {
            message = "not valid JSON";
        }
        return new ImportException(position() + ": malformed JSON: " + message + " (" + reader.getPath() + ")", e);
    }

    /** Fails unless the next token is the one expected, naming what was found and where. */
    public void expect(JsonToken expected, String what) throws IOException, ImportException {
        JsonToken actual = reader.peek();
        if (actual != expected) {
            throw new ImportException(position() + ": expected " + what + " but found "
                    + describe(actual) + " at " + reader.getPath());
        }
    }

    /**
     * Opens an array member that a report may also give as {@code null} (tools write both for "none").
     *
     * @return false, with the null consumed, when the value is null; true once the array is open
     */
    public boolean beginArrayOrNull(String what) throws IOException, ImportException {
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return false;
        }
        expect(JsonToken.BEGIN_ARRAY, what);
        reader.beginArray();
        return true;
    }

    /** Checks that nothing but whitespace follows the top-level value. */
    public void expectEnd() throws IOException, ImportException {
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new ImportException(position() + ": unexpected content after the end of the JSON document");
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the document";
            default -> token.name();
        };
    }

    /**
     * Reads the next value into a tree, leaving out the members named in {@code skip} wherever they occur in it (big
     * parts an importer never uses, such as code flows or raw HTTP responses, are passed over unread), and refusing
     * a record of more than {@link ImportLimits#maxRecordValues()} values or {@link ImportLimits#maxRecordText()}
     * characters of text. It keeps its own stack rather than recursing, so any nesting the depth limit accepts is
     * read.
     */
    public JsonElement readTree(Set<String> skip) throws IOException, ImportException {
        Deque<JsonElement> open = new ArrayDeque<>();
        JsonElement root = null;
        int values = 0;
        long text = 0;
        do {
            JsonElement container = open.peek();
            String name = null;
            if (container != null) {
                if (!reader.hasNext()) {
                    if (container.isJsonObject()) {
                        reader.endObject();
                    } else {
                        reader.endArray();
                    }
                    open.pop();
                    continue;
                }
                if (container.isJsonObject()) {
                    name = reader.nextName();
                    text += name.length();
                    if (skip.contains(name)) {
                        reader.skipValue();
                        continue;
                    }
                }
            }
            if (++values > limits.maxRecordValues()) {
                throw new ImportException(limits.tooManyValues(position(), "one record", "values")
                        + " at " + reader.getPath());
            }
            JsonElement value;
            switch (reader.peek()) {
                case BEGIN_OBJECT -> {
                    reader.beginObject();
                    value = new JsonObject();
                }
                case BEGIN_ARRAY -> {
                    reader.beginArray();
                    value = new JsonArray();
                }
                case STRING -> {
                    String string = reader.nextString();
                    text += string.length();
                    value = new JsonPrimitive(string);
                }
                case NUMBER -> {
                    String number = reader.nextString();
                    text += number.length();
                    value = new JsonPrimitive(new WrittenNumber(number));
                }
                case BOOLEAN -> value = new JsonPrimitive(reader.nextBoolean());
                case NULL -> {
                    reader.nextNull();
                    value = JsonNull.INSTANCE;
                }
                default -> throw new JsonParseException("unexpected " + reader.peek() + " at " + reader.getPath());
            }
            if (text > limits.maxRecordText()) {
                throw new ImportException(limits.tooMuchText(position(), "one record") + " at " + reader.getPath());
            }
            if (container == null) {
                root = value;
            } else if (container.isJsonObject()) {
                container.getAsJsonObject().add(name, value);
            } else {
                container.getAsJsonArray().add(value);
            }
            if (value.isJsonObject() || value.isJsonArray()) {
                open.push(value);
            }
        } while (!open.isEmpty());
        return root;
    }

    /**
     * A number kept as the text written, so that "7.50" stays "7.50" and large ids lose nothing; read as text it is
     * that text, and it is still a number to whoever asks (a field that must be text can tell).
     */
    private static final class WrittenNumber extends Number {
        private final String text;

        WrittenNumber(String text) {
            this.text = text;
        }

        private BigDecimal value() {
            return new BigDecimal(text);
        }

        @Override
        public int intValue() {
            return value().intValue();
        }

        @Override
        public long longValue() {
            return value().longValue();
        }

        @Override
        public float floatValue() {
            return value().floatValue();
        }

        @Override
        public double doubleValue() {
            return value().doubleValue();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Reads the next value as text if it is a string, number or boolean; skips anything else and answers null. */
    public String nextText() throws IOException {
        JsonToken token = reader.peek();
        return switch (token) {
            case STRING, NUMBER -> reader.nextString();
            case BOOLEAN -> Boolean.toString(reader.nextBoolean());
            default -> {
                reader.skipValue();
                yield null;
            }
        };
    }
}
