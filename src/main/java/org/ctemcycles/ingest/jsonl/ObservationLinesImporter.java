package org.ctemcycles.ingest.jsonl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.JsonSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Format {@code ctem-jsonl}: normalised observations as JSON lines, one {@link Observation} per line with the
 * record's field names, exactly what {@code ctem parse} prints. So {@code ctem parse scan.nessus > scan.jsonl}
 * then {@code ctem import --cycle KEY scan.jsonl} imports what the parser saw, and any tool can feed the app by
 * writing this format. {@code ctem parse}'s header and summary lines ({@code {"file",...}}) are skipped; a line
 * recording that the parser rejected its file rejects the import.
 *
 * <p>Fields: {@code sourceKind} (a {@link SourceKind} name), {@code tool}, {@code ruleId}, {@code severity} (an
 * {@link ObservedSeverity} name) and {@code asset} ({@code {"kind": AssetKind name, "value": text}}) are required;
 * {@code toolVersion}, {@code fingerprint}, {@code deployment}, {@code title}, {@code reportedSeverity},
 * {@code location}, {@code evidence} (text), {@code cves}, {@code cwes}, {@code cvssVectors} (arrays of text),
 * {@code attributes} (an object of text values) and {@code vex} ({@code {"state","justification","response",
 * "detail"}}) are optional.
 * Unknown fields are ignored. Blank lines are skipped. Any other malformed line rejects the report, naming the line:
 * unlike a scanner's output, this format is written by programs that can get it right.
 */
public final class ObservationLinesImporter implements Importer {

    public static final String FORMAT = "ctem-jsonl";
    private static final Pattern FIRST_LINE = Pattern.compile("\\s*\\{\\s*\"(sourceKind|file)\"\\s*:[\\s\\S]*");
    private static final int LINE_OVERHEAD = 64 * 1024;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        String first = end < 0 ? text.substring(start) : text.substring(start, end);
        return FIRST_LINE.matcher(first).matches();
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        long maxLine = Math.min(limits.maxBytes(), (long) limits.maxFieldLength() * 8 + LINE_OVERHEAD);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        int lineNumber = 1;
        int observations = 0;
        try {
            byte[] buffer = new byte[64 * 1024];
            int n;
            boolean eof = false;
            while (!eof) {
                n = report.read(buffer);
                if (n < 0) {
                    eof = true;
                    n = 0;
                }
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        observations += line(decode(utf8, line, lineNumber), lineNumber, observations, limits, sink);
                        line.reset();
                        lineNumber++;
                        from = i + 1;
                    } else if (buffer[i] == 0) {
                        throw new ImportException("line " + lineNumber + ": a NUL byte: this is a binary file, not"
                                + " JSON lines");
                    }
                }
                line.write(buffer, from, n - from);
                if (line.size() > maxLine) {
                    throw new ImportException("line " + lineNumber + ": longer than the limit of " + maxLine
                            + " bytes (" + ImportLimits.RECORD_TEXT_FIELDS + " fields' worth; "
                            + ImportLimits.FIELD_LENGTH_OPTION + " raises it)");
                }
            }
            if (line.size() > 0) {
                line(decode(utf8, line, lineNumber), lineNumber, observations, limits, sink);
            }
        } catch (IOException e) {
            throw new ImportException("line " + lineNumber + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String decode(CharsetDecoder utf8, ByteArrayOutputStream line, int lineNumber)
            throws ImportException {
        try {
            String text = utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
            return lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException("line " + lineNumber + ": not valid UTF-8 text");
        }
    }

    /** Reads one line; returns 1 when it was an observation. */
    private static int line(String text, int lineNumber, int observationsSoFar, ImportLimits limits,
                            ObservationSink sink) throws ImportException {
        if (text.isBlank()) {
            return 0;
        }
        JsonObject object = parse(text, lineNumber, limits);
        if (!object.has("sourceKind")) {
            if (object.has("file") && object.has("error")) {
                throw new ImportException("line " + lineNumber + ": the parse output records that "
                        + string(object, "file", lineNumber, limits, false) + " was rejected: "
                        + string(object, "error", lineNumber, limits, false));
            }
            if (object.has("file")) {
                return 0; // ctem parse's header or summary line
            }
            throw new ImportException("line " + lineNumber + ": not an observation: the field \"sourceKind\" is missing");
        }
        if (observationsSoFar >= limits.maxObservations()) {
            throw new ImportException(limits.tooManyObservations("line " + lineNumber));
        }
        sink.observation(observation(object, lineNumber, limits));
        return 1;
    }

    /**
     * One line as a JSON object, read by {@link JsonSource}: its text and depth bounded as it is read, and its values
     * and text within the budget of one record. Positions are the line's own ("line 1, column C"), told as this line.
     */
    private static JsonObject parse(String text, int lineNumber, ImportLimits limits) throws ImportException {
        JsonSource json = JsonSource.of(new StringReader(text), limits);
        JsonElement element;
        try {
            element = json.readTree(Set.of());
        } catch (ImportException e) {
            throw relined(e.getMessage(), lineNumber, e);
        } catch (IOException | RuntimeException e) {
            throw relined(json.failure(e).getMessage(), lineNumber, e);
        }
        boolean more;
        try {
            more = json.reader().peek() != JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw new ImportException("line " + lineNumber + ": text after the JSON object (one object a line)");
        }
        if (!element.isJsonObject()) {
            throw new ImportException("line " + lineNumber + ": not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** A message about "line 1, column C" of the line's own text, told as "line N, column C". */
    private static ImportException relined(String message, int lineNumber, Exception cause) {
        String told = message.startsWith("line 1, ") ? "line " + lineNumber + ", " + message.substring(8)
                : "line " + lineNumber + ": " + message;
        return new ImportException(told, cause);
    }

    private static Observation observation(JsonObject o, int line, ImportLimits limits) throws ImportException {
        SourceKind sourceKind = constant(o, "sourceKind", SourceKind.class, line, limits);
        String tool = string(o, "tool", line, limits, true);
        String ruleId = string(o, "ruleId", line, limits, true);
        ObservedSeverity severity = constant(o, "severity", ObservedSeverity.class, line, limits);
        JsonObject assetObject = object(o, "asset", line, true);
        AssetKind assetKind = constant(assetObject, "kind", AssetKind.class, line, limits);
        String assetValue = string(assetObject, "value", line, limits, true);
        if (assetValue.isBlank()) {
            throw field(line, "asset.value", "is empty");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonObject attributesObject = object(o, "attributes", line, false);
        if (attributesObject != null) {
            for (Map.Entry<String, JsonElement> entry : attributesObject.entrySet()) {
                attributes.put(entry.getKey(), string(attributesObject, entry.getKey(), line, limits, true));
            }
        }
        JsonObject vexObject = object(o, "vex", line, false);
        VexAnalysis vex = vexObject == null ? null : new VexAnalysis(string(vexObject, "state", line, limits, false),
                string(vexObject, "justification", line, limits, false),
                string(vexObject, "response", line, limits, false), string(vexObject, "detail", line, limits, false));
        return new Observation(sourceKind, tool, string(o, "toolVersion", line, limits, false), ruleId,
                string(o, "fingerprint", line, limits, false), string(o, "title", line, limits, false),
                string(o, "reportedSeverity", line, limits, false), severity, strings(o, "cves", line, limits),
                strings(o, "cwes", line, limits), strings(o, "cvssVectors", line, limits),
                new AssetRef(assetKind, assetValue), string(o, "location", line, limits, false),
                string(o, "evidence", line, limits, false), attributes, vex,
                string(o, "deployment", line, limits, false));
    }

    private static String string(JsonObject o, String name, int line, ImportLimits limits, boolean required)
            throws ImportException {
        JsonElement value = o.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                throw field(line, name, "is required");
            }
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw field(line, name, "must be text");
        }
        String text = value.getAsString();
        if (text.length() > limits.maxFieldLength()) {
            throw field(line, name, "is " + text.length() + " characters long; the limit is " + limits.maxFieldLength()
                    + ImportLimits.raisedBy(ImportLimits.FIELD_LENGTH_OPTION));
        }
        return text;
    }

    private static List<String> strings(JsonObject o, String name, int line, ImportLimits limits)
            throws ImportException {
        JsonElement value = o.get(name);
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            throw field(line, name, "must be an array of text");
        }
        JsonArray array = value.getAsJsonArray();
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw field(line, name + "[" + i + "]", "must be text");
            }
            if (item.getAsString().length() > limits.maxFieldLength()) {
                throw field(line, name + "[" + i + "]", "is longer than the limit of " + limits.maxFieldLength()
                        + ImportLimits.raisedBy(ImportLimits.FIELD_LENGTH_OPTION));
            }
            out.add(item.getAsString());
        }
        return out;
    }

    private static JsonObject object(JsonObject o, String name, int line, boolean required) throws ImportException {
        JsonElement value = o.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                throw field(line, name, "is required");
            }
            return null;
        }
        if (!value.isJsonObject()) {
            throw field(line, name, "must be an object");
        }
        return value.getAsJsonObject();
    }

    private static <E extends Enum<E>> E constant(JsonObject o, String name, Class<E> type, int line,
                                                  ImportLimits limits) throws ImportException {
        String text = string(o, name, line, limits, true);
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw field(line, name, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static ImportException field(int line, String name, String problem) {
        return new ImportException("line " + line + ": field \"" + name + "\" " + problem);
    }
}
