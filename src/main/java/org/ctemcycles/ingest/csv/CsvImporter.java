package org.ctemcycles.ingest.csv;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.CsvTokenizer;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.JsonSource;
import org.ctemcycles.ingest.support.LimitException;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the generic CSV (this project's columns, documented in the package documentation) and DefectDojo's
 * "Generic Findings Import" CSV columns, one row at a time.
 */
public final class CsvImporter implements Importer {

    /** Column names as written (case, spaces, hyphens and underscores ignored) to the field they fill. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        alias("tool", "tool", "sourcetool", "scanner");
        alias("toolversion", "toolversion");
        alias("sourcekind", "sourcekind");
        alias("ruleid", "ruleid", "vulnidfromtool", "pluginid", "checkid", "templateid");
        alias("fingerprint", "fingerprint", "uniqueidfromtool", "sourcefindingid");
        alias("title", "title", "name", "findingtitle");
        alias("severity", "severity", "risk");
        alias("cves", "cve", "cves", "cveid", "cveids", "vulnerabilityid", "vulnerabilityids");
        alias("cwes", "cwe", "cweid", "cwes", "cweids");
        alias("cvssvector", "cvssvector", "cvss", "cvssv3", "cvssv31", "cvss3vector");
        alias("cvssv4", "cvssv4", "cvss4vector");
        alias("cvssv2", "cvssv2", "cvss2vector");
        alias("asset", "asset", "assetname", "assetid");
        alias("assettype", "assettype", "assetkind");
        alias("host", "host", "hostname", "fqdn", "ip", "ipaddress");
        alias("port", "port");
        alias("protocol", "protocol");
        alias("url", "url", "endpoint", "endpoints");
        alias("image", "image", "containerimage");
        alias("repository", "repository", "repo");
        alias("purl", "purl", "componentpurl", "packageurl");
        alias("component", "componentname", "component", "package");
        alias("componentversion", "componentversion", "packageversion");
        alias("filepath", "filepath", "file", "path");
        alias("line", "line", "startline");
        alias("location", "location");
        alias("evidence", "evidence", "proof", "output");
        alias("description", "description");
        alias("solution", "solution", "mitigation", "remediation");
        alias("impact", "impact");
        alias("references", "references", "reference");
        alias("active", "active");
        alias("verified", "verified");
        alias("falsepositive", "falsepositive");
        alias("duplicate", "duplicate");
        alias("ismitigated", "ismitigated");
        alias("date", "date", "firstseen", "lastseen");
        alias("epssscore", "epssscore", "epss");
        alias("epsspercentile", "epsspercentile");
        alias("cvssv3score", "cvssv3score", "cvssscore");
        alias("cvssv4score", "cvssv4score");
        alias("knownexploited", "knownexploited");
        alias("ransomwareused", "ransomwareused");
        alias("fixavailable", "fixavailable");
        alias("fixversion", "fixversion");
        alias("kevdate", "kevdate");
        alias("status", "status");
    }

    /** Fields copied to the observation's attributes under their canonical name. */
    private static final List<String> ATTRIBUTES = List.of("description", "solution", "impact", "references",
            "verified", "falsepositive", "duplicate", "date", "epssscore", "epsspercentile", "cvssv3score",
            "cvssv4score", "knownexploited", "ransomwareused", "fixavailable", "fixversion", "kevdate", "status",
            "componentversion", "url", "filepath", "line", "port", "protocol");

    private static final java.util.regex.Pattern LIST_SEPARATORS = java.util.regex.Pattern.compile("[;,|\\s]+");

    private static void alias(String field, String... names) {
        for (String name : names) {
            COLUMNS.put(name, field);
        }
    }

    static String normalise(String header) {
        StringBuilder key = new StringBuilder();
        for (char c : header.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        int first = Heads.firstSignificant(text);
        if (first == -1 || first == '{' || first == '[' || first == '<') {
            return false;
        }
        int newline = text.indexOf('\n');
        String header = (newline >= 0 ? text.substring(0, newline) : text).replace("\uFEFF", "");
        char delimiter = delimiter(header);
        Set<String> fields = new java.util.HashSet<>();
        for (String column : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
            String field = COLUMNS.get(normalise(column));
            if (field != null) {
                fields.add(field);
            }
        }
        return fields.contains("severity") && (fields.contains("title") || fields.contains("ruleid"));
    }

    /** The delimiter the header line uses most: comma, semicolon (spreadsheets in many locales) or tab. */
    static char delimiter(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        try {
            BufferedReader text = new BufferedReader(JsonSource.decode(report), 1 << 16);
            text.mark(1 << 16);
            StringBuilder headerLine = new StringBuilder();
            int c;
            while ((c = text.read()) != -1 && c != '\n' && headerLine.length() < (1 << 16)) {
                headerLine.append((char) c);
            }
            text.reset();
            CsvTokenizer records = new CsvTokenizer(text, new CsvTokenizer.Dialect(delimiter(headerLine.toString()),
                    false, limits.maxFieldLength(), ImportLimits.FIELD_LENGTH_OPTION,
                    " (a truncated report, or a stray quote opening a field: double it or remove it)"),
                    limits.maxRecordValues());
            List<String> header = records.next();
            if (header == null) {
                throw new ImportException("line 1: the CSV has no header row");
            }
            String[] fields = new String[header.size()];
            for (int i = 0; i < header.size(); i++) {
                fields[i] = COLUMNS.get(normalise(header.get(i)));
            }
            List<String> named = new ArrayList<>();
            for (String field : fields) {
                if (field != null) {
                    named.add(field);
                }
            }
            if (!named.contains("severity") || !named.contains("title") && !named.contains("ruleid")) {
                throw new ImportException("line 1: the CSV header needs a severity column and a title or rule_id"
                        + " column (see the generic CSV columns in the README)");
            }
            List<String> row;
            while ((row = records.next()) != null) {
                String where = "line " + records.recordLine();
                if (row.size() > header.size()) {
                    if (row.subList(header.size(), row.size()).stream().allMatch(String::isBlank)) {
                        emitter.tally("rows with more fields than the header (extra fields ignored)", where);
                    } else {
                        // text beyond the header: the row's columns cannot be trusted to be the header's
                        emitter.tallySkip("rows with text in more fields than the header has (that text is not"
                                + " read)", where);
                    }
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < Math.min(row.size(), fields.length); i++) {
                    String value = row.get(i);
                    if (fields[i] != null && value != null && !value.isBlank()) {
                        values.merge(fields[i], value.trim(), (a, b) -> a + ";" + b);
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                row(values, emitter, where);
            }
            emitter.finish();
        } catch (LimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException("reading the CSV failed: " + e.getMessage(), e);
        }
    }

    private static void row(Map<String, String> v, Emitter emitter, String where) throws ImportException {
        if (isTrue(v.get("ismitigated")) || isFalse(v.get("active"))) {
            emitter.tally("rows marked mitigated or inactive (not a present exposure)", where);
            return;
        }
        List<String> cves = Normalise.cves(split(v.get("cves")));
        List<String> cwes = Normalise.cwes(split(v.get("cwes")));
        String ruleId = v.get("ruleid");
        if (ruleId == null && !cves.isEmpty()) {
            ruleId = cves.get(0);
        }
        if (ruleId == null && !cwes.isEmpty()) {
            ruleId = cwes.get(0);
        }
        if (ruleId == null) {
            emitter.tallySkip("rows without a rule_id, CVE or CWE (a title is free text and cannot be an identity)",
                    where);
            return;
        }
        String severityText = v.get("severity");
        ObservedSeverity severity = Normalise.severityWord(severityText);
        BigDecimal score = Normalise.score(severityText);
        if (severity == ObservedSeverity.UNKNOWN && score != null) {
            severity = Normalise.severityScore(score);
        }
        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(sourceKind(v.get("sourcekind"), emitter, where))
                .tool(v.getOrDefault("tool", "csv"), v.get("toolversion"))
                .ruleId(ruleId)
                .fingerprint(v.get("fingerprint"))
                .title(v.get("title"))
                .severity(severityText, severity)
                .cves(cves)
                .cwes(cwes)
                .asset(asset(v, emitter, where))
                .location(location(v))
                .evidence(v.get("evidence"));
        List<String> problems = new ArrayList<>();
        for (String vector : split(v.get("cvssv4"))) {
            o.vector(Normalise.vector(vector, "4.0", problems));
        }
        for (String vector : split(v.get("cvssvector"))) {
            o.vector(Normalise.vector(vector, "3.1", problems));
        }
        for (String vector : split(v.get("cvssv2"))) {
            o.vector(Normalise.vector(vector, "2.0", problems));
        }
        for (String problem : problems) {
            emitter.warn(where + ": " + problem + "; the vector is left out");
        }
        for (String attribute : ATTRIBUTES) {
            o.attribute(attribute, v.get(attribute));
        }
        emitter.emit(o.build(), () -> where);
    }

    private static SourceKind sourceKind(String text, Emitter emitter, String where) {
        if (text == null) {
            return SourceKind.THIRD_PARTY;
        }
        String key = normalise(text);
        for (SourceKind kind : SourceKind.values()) {
            if (normalise(kind.name()).equals(key) || normalise(kind.label()).equals(key)) {
                return kind;
            }
        }
        emitter.tally("rows with an unknown source_kind (read as THIRD_PARTY)", where);
        return SourceKind.THIRD_PARTY;
    }

    private static AssetRef asset(Map<String, String> v, Emitter emitter, String where) {
        String asset = v.get("asset");
        if (asset != null) {
            String type = v.get("assettype");
            if (type != null) {
                String key = normalise(type);
                for (AssetKind kind : AssetKind.values()) {
                    if (normalise(kind.name()).equals(key)) {
                        return new AssetRef(kind, asset);
                    }
                }
                emitter.tally("rows with an unknown asset_type (the kind is inferred from the asset)", where);
            }
            String origin = Normalise.origin(asset);
            return origin != null ? new AssetRef(AssetKind.URL, origin) : Normalise.hostOrIp(asset);
        }
        if (v.get("host") != null) {
            return Normalise.hostOrIp(v.get("host"));
        }
        if (v.get("url") != null) {
            String url = v.get("url").split(";")[0];
            String origin = Normalise.origin(url);
            return origin != null ? new AssetRef(AssetKind.URL, origin) : Normalise.hostOrIp(url);
        }
        if (v.get("image") != null) {
            return new AssetRef(AssetKind.CONTAINER_IMAGE, v.get("image"));
        }
        if (v.get("repository") != null) {
            return new AssetRef(AssetKind.REPOSITORY, v.get("repository"));
        }
        if (v.get("purl") != null) {
            return new AssetRef(AssetKind.PACKAGE, v.get("purl"));
        }
        if (v.get("component") != null) {
            String version = v.get("componentversion");
            return new AssetRef(AssetKind.PACKAGE, v.get("component") + (version == null ? "" : "@" + version));
        }
        return new AssetRef(AssetKind.OTHER, "");
    }

    private static String location(Map<String, String> v) {
        if (v.get("location") != null) {
            return v.get("location");
        }
        List<String> parts = new ArrayList<>();
        if (v.get("port") != null) {
            parts.add(v.get("port") + "/" + v.getOrDefault("protocol", "tcp").toLowerCase(Locale.ROOT));
        }
        if (v.get("url") != null) {
            parts.add(Normalise.stableUrl(v.get("url").split(";")[0]));
        }
        if (v.get("filepath") != null) {
            parts.add(v.get("filepath") + (v.get("line") != null ? ":" + v.get("line") : ""));
        }
        if (v.get("asset") != null || v.get("host") != null || v.get("url") != null) {
            if (v.get("purl") != null) {
                parts.add(v.get("purl"));
            } else if (v.get("component") != null) {
                parts.add(v.get("component"));
            }
        }
        return String.join(" ", parts);
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        for (String part : LIST_SEPARATORS.split(value)) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
    }

    private static boolean isFalse(String value) {
        return value != null && (value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no"));
    }
}
