package org.ctemcycles.ingest.nuclei;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.JsonSource;
import org.ctemcycles.ingest.support.LimitException;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.ctemcycles.ingest.support.JsonValues.nonBlank;
import static org.ctemcycles.ingest.support.JsonValues.object;
import static org.ctemcycles.ingest.support.JsonValues.texts;

/**
 * Reads Nuclei results: JSON lines ({@code -jsonl}, one result per line; blank lines and malformed lines are
 * skipped, each with a warning naming its line) and the JSON array export ({@code -json-export}).
 */
public final class NucleiImporter implements Importer {

    /** Warnings named one by one; further skipped lines are counted in one closing warning. */
    static final int NAMED_WARNINGS = 100;
    /** Raw HTTP traffic and commands: large, never used, skipped unread. */
    private static final Set<String> SKIP = Set.of("request", "response", "curl-command", "interaction");

    @Override
    public String format() {
        return "nuclei";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        int first = Heads.firstSignificant(text);
        if (first == -1) {
            // an empty file is a valid Nuclei run that found nothing, but nothing is no sign of any format: the
            // caller names it (--format nuclei)
            return false;
        }
        if (first != '{' && first != '[') {
            return false;
        }
        if (first == '[' && text.strip().equals("[]")) {
            return true;
        }
        return Heads.hasKey(text, "template-id") || Heads.hasKey(text, "templateID")
                || Heads.hasKey(text, "template") && Heads.hasKey(text, "matched-at");
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        try {
            BufferedReader text = new BufferedReader(JsonSource.decode(report), 1 << 16);
            text.mark(1 << 16);
            int first;
            do {
                first = text.read();
            } while (first != -1 && (Character.isWhitespace(first) || first == '\uFEFF'));
            text.reset();
            if (first == '[') {
                array(text, limits, emitter);
            } else {
                lines(text, limits, emitter);
            }
            emitter.finish();
        } catch (LimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException("reading the report failed: " + e.getMessage(), e);
        }
    }

    private static void array(Reader text, ImportLimits limits, Emitter emitter) throws ImportException {
        JsonSource json = JsonSource.of(text, limits);
        try {
            JsonReader reader = json.reader();
            reader.beginArray();
            while (reader.hasNext()) {
                String where = json.where();
                JsonElement element = json.readTree(SKIP);
                if (!element.isJsonObject()) {
                    throw new ImportException(where + ": a result is not a JSON object");
                }
                result(element.getAsJsonObject(), emitter, where);
            }
            reader.endArray();
            json.expectEnd();
        } catch (IOException | RuntimeException e) {
            throw json.failure(e);
        }
    }

    private static void lines(BufferedReader text, ImportLimits limits, Emitter emitter)
            throws IOException, ImportException {
        // a line may hold a raw HTTP response, so it may be longer than one field; but never unbounded
        long maxLine = Math.max(4L * limits.maxFieldLength(), 1 << 20);
        StringBuilder line = new StringBuilder();
        long number = 0;
        int named = 0;
        int skipped = 0;
        int results = 0;
        String firstProblem = null;
        char[] buffer = new char[1 << 16];
        int position = 0;
        int limit = 0;
        boolean end = false;
        while (true) {
            line.setLength(0);
            boolean tooLong = false;
            int c = -1;
            // one line, copied in runs between line breaks rather than a character at a time
            while (true) {
                if (position == limit) {
                    limit = text.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        c = -1;
                        break;
                    }
                }
                int newline = position;
                while (newline < limit && buffer[newline] != '\n') {
                    newline++;
                }
                int run = newline - position;
                if (line.length() + run <= maxLine) {
                    line.append(buffer, position, run);
                } else {
                    tooLong = true;
                }
                position = newline;
                if (newline < limit) {
                    position++;
                    c = '\n';
                    break;
                }
            }
            end = c == -1;
            if (end && line.isEmpty()) {
                break;
            }
            number++;
            String problem = null;
            if (tooLong) {
                problem = "the line is longer than the limit of " + maxLine + " characters (4 fields' worth; "
                        + ImportLimits.FIELD_LENGTH_OPTION + " raises it)";
            } else if (!line.toString().isBlank()) {
                String where = "line " + number;
                JsonSource json = JsonSource.of(new StringReader(line.toString()), limits);
                JsonObject parsed = null;
                try {
                    json.expect(JsonToken.BEGIN_OBJECT, "a JSON object");
                    parsed = json.readTree(SKIP).getAsJsonObject();
                    json.expectEnd();
                    if (first(parsed, "template-id", "templateID") == null) {
                        problem = "the result has no template-id";
                    }
                } catch (ImportException e) {
                    problem = e.getMessage();
                } catch (IOException | RuntimeException e) {
                    problem = json.failure(e).getMessage();
                }
                if (problem == null) {
                    results++;
                    result(parsed, emitter, where);
                }
            }
            if (problem != null) {
                skipped++;
                // the parser counts within the line: its "line 1, column C" is this line's column C
                String message = "line " + number + ": skipped a malformed line: "
                        + (problem.startsWith("line 1, ") ? problem.substring("line 1, ".length()) : problem);
                firstProblem = firstProblem == null ? message : firstProblem;
                if (named++ < NAMED_WARNINGS) {
                    emitter.skip(message);
                }
            }
            if (end) {
                break;
            }
        }
        if (skipped > 0 && results == 0) {
            // not one line is a Nuclei result: this is another format, not a damaged Nuclei report
            throw new ImportException("not Nuclei output: no line is a Nuclei result (" + firstProblem + ")");
        }
        if (skipped > NAMED_WARNINGS) {
            emitter.skip("skipped " + skipped + " malformed lines in all (the first " + NAMED_WARNINGS
                    + " are named above)");
        }
    }

    private static void result(JsonObject r, Emitter emitter, String where) throws ImportException {
        String templateId = first(r, "template-id", "templateID");
        if (templateId == null) {
            throw new ImportException(where + ": the result has no template-id");
        }
        String status = nonBlank(r, "matcher-status");
        if ("false".equals(status)) {
            emitter.tally("results with matcher-status false (nothing matched)", where);
            return;
        }
        String matcher = first(r, "matcher-name", "matcher_name");
        String host = first(r, "host");
        String matched = first(r, "matched-at", "matched");
        JsonObject info = object(r, "info");
        JsonObject classification = object(info, "classification");
        String severity = nonBlank(info, "severity");

        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(SourceKind.EXTERNAL_SCAN)
                .tool("Nuclei", "")
                .ruleId(matcher == null ? templateId : templateId + ":" + matcher)
                .title(nonBlank(info, "name"))
                .severity(severity, Normalise.severityWord(severity))
                .asset(asset(host != null ? host : matched == null ? "" : matched))
                .location(matched == null ? "" : matched.contains("://") ? Normalise.stableUrl(matched) : matched)
                .evidence(String.join("; ", texts(r, "extracted-results")));
        o.cves(Normalise.cves(texts(classification, "cve-id")));
        o.cwes(Normalise.cwes(texts(classification, "cwe-id")));
        List<String> problems = new ArrayList<>();
        o.vector(Normalise.vector(nonBlank(classification, "cvss-metrics"), null, problems));
        for (String problem : problems) {
            emitter.warn(where + ": " + templateId + ": " + problem + "; the vector is left out");
        }
        o.attribute("type", nonBlank(r, "type"));
        o.attribute("ip", nonBlank(r, "ip"));
        o.attribute("port", nonBlank(r, "port"));
        o.attribute("matched-at", matched);
        o.attribute("extractor-name", first(r, "extractor-name", "extractor_name"));
        o.attribute("template-url", nonBlank(r, "template-url"));
        o.attribute("timestamp", nonBlank(r, "timestamp"));
        o.attribute("tags", String.join(",", texts(info, "tags")));
        o.attribute("description", nonBlank(info, "description"));
        o.attribute("remediation", nonBlank(info, "remediation"));
        o.attribute("reference", String.join("\n", texts(info, "reference")));
        o.attribute("cvss-score", nonBlank(classification, "cvss-score"));
        o.attribute("epss-score", nonBlank(classification, "epss-score"));
        o.attribute("epss-percentile", nonBlank(classification, "epss-percentile"));
        o.attribute("cpe", nonBlank(classification, "cpe"));
        emitter.emit(o.build(), () -> where);
    }

    /** The target as Nuclei was given it: a URL's origin, or a host or address without its port. */
    static AssetRef asset(String host) {
        String origin = Normalise.origin(host);
        if (origin != null) {
            return new AssetRef(org.ctemcycles.core.scope.AssetKind.URL, origin);
        }
        String bare = host.trim();
        if (bare.startsWith("[")) {
            int close = bare.indexOf(']');
            return Normalise.hostOrIp(close > 0 ? bare.substring(1, close) : bare);
        }
        int colon = bare.lastIndexOf(':');
        if (colon > 0 && bare.indexOf(':') == colon) {
            bare = bare.substring(0, colon);
        }
        return Normalise.hostOrIp(bare);
    }

    private static String first(JsonObject object, String... names) {
        for (String name : names) {
            String value = nonBlank(object, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
