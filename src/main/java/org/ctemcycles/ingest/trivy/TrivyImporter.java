package org.ctemcycles.ingest.trivy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.JsonSource;
import org.ctemcycles.ingest.support.Normalise;
import org.ctemcycles.ingest.support.ObservationBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.ctemcycles.ingest.support.JsonValues.nonBlank;
import static org.ctemcycles.ingest.support.JsonValues.object;
import static org.ctemcycles.ingest.support.JsonValues.texts;

/**
 * Reads Trivy JSON reports (schema version 2, the pre-0.20 bare array of results, and the Kubernetes report with
 * its resources), one vulnerability, misconfiguration or secret at a time; see the package documentation.
 */
public final class TrivyImporter implements Importer {

    @Override
    public String format() {
        return "trivy";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        int first = Heads.firstSignificant(text);
        if (first == '{') {
            return Heads.hasKey(text, "SchemaVersion") && (Heads.hasKey(text, "ArtifactName")
                    || Heads.hasKey(text, "Results") || Heads.hasKey(text, "ArtifactType"))
                    || Heads.hasKey(text, "ClusterName") && Heads.hasKey(text, "Resources");
        }
        return first == '[' && Heads.hasKey(text, "Target")
                && (Heads.hasKey(text, "Vulnerabilities") || Heads.hasKey(text, "Type"));
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        JsonSource json = null;
        try {
            json = JsonSource.open(report, limits);
            JsonReader reader = json.reader();
            Context context = new Context(json, emitter, limits);
            if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                context.artifactKnown = true;
                context.legacy = true;
                results(context);
            } else {
                json.expect(JsonToken.BEGIN_OBJECT, "a Trivy report (a JSON object)");
                reader.beginObject();
                String cluster = null;
                boolean sawResults = false;
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    switch (name) {
                        case "SchemaVersion" -> {
                            String version = json.nextText();
                            if (version != null && !version.equals("2")) {
                                emitter.warn(json.where() + ": Trivy SchemaVersion " + version
                                        + " is not the version 2 this importer was written for; reading it anyway");
                            }
                        }
                        case "ArtifactName" -> context.artifactName = json.nextText();
                        case "ArtifactType" -> context.artifactType = json.nextText();
                        case "ClusterName" -> cluster = json.nextText();
                        case "Trivy" -> {
                            JsonElement trivy = json.readTree(Set.of());
                            if (trivy.isJsonObject()) {
                                String version = nonBlank(trivy.getAsJsonObject(), "Version");
                                context.version = version == null ? "" : version;
                            }
                        }
                        case "Results" -> {
                            sawResults = true;
                            // Trivy names the artifact before its results; records wait only when it has not
                            context.artifactKnown = context.artifactName != null;
                            results(context);
                        }
                        case "Resources" -> {
                            sawResults = true;
                            resources(context, cluster);
                        }
                        default -> reader.skipValue();
                    }
                }
                reader.endObject();
                context.artifactKnown = true;
                context.flush();
                if (!sawResults && context.artifactName == null && cluster == null) {
                    throw new ImportException(json.where() + ": the Trivy report has neither Results nor"
                            + " ArtifactName");
                }
            }
            json.expectEnd();
            emitter.finish();
        } catch (IOException | RuntimeException e) {
            throw json == null ? new ImportException(e.getMessage(), e) : json.failure(e);
        }
    }

    /** What the records of a report share; records read before the artifact is named wait in {@code pending}. */
    private static final class Context {
        final JsonSource json;
        final Emitter emitter;
        final ImportLimits limits;
        String artifactName;
        String artifactType;
        String version = "";
        boolean artifactKnown;
        boolean legacy;
        String resource;
        final List<Object[]> pending = new ArrayList<>();

        Context(JsonSource json, Emitter emitter, ImportLimits limits) {
            this.json = json;
            this.emitter = emitter;
            this.limits = limits;
        }

        AssetRef asset(String target) {
            if (resource != null) {
                return new AssetRef(AssetKind.OTHER, resource);
            }
            if (legacy || artifactName == null) {
                return new AssetRef(AssetKind.OTHER, target == null ? "" : target);
            }
            String type = artifactType == null ? "" : artifactType.toLowerCase(Locale.ROOT);
            AssetKind kind = switch (type) {
                case "container_image" -> AssetKind.CONTAINER_IMAGE;
                case "filesystem", "repository" -> AssetKind.REPOSITORY;
                case "vm" -> AssetKind.HOST;
                case "aws_account" -> AssetKind.CLOUD_ACCOUNT;
                default -> AssetKind.OTHER;
            };
            return new AssetRef(kind, artifactName.trim());
        }

        void record(String section, JsonObject record, Result result, String where) throws ImportException {
            if (!artifactKnown) {
                if (pending.size() >= limits.maxObservations()) {
                    throw new ImportException(limits.tooManyObservations(where));
                }
                pending.add(new Object[] {section, record, result, where});
                return;
            }
            switch (section) {
                case "Vulnerabilities" -> vulnerability(this, record, result, where);
                case "Misconfigurations" -> misconfiguration(this, record, result, where);
                case "Secrets" -> secret(this, record, result, where);
                default -> {
                }
            }
        }

        void flush() throws ImportException {
            List<Object[]> waiting = new ArrayList<>(pending);
            pending.clear();
            for (Object[] p : waiting) {
                record((String) p[0], (JsonObject) p[1], (Result) p[2], (String) p[3]);
            }
        }
    }

    /** One entry of Results: its target, class and type (records read before them are completed afterwards). */
    private static final class Result {
        String target;
        String resultClass;
        String type;
    }

    private static void resources(Context context, String cluster) throws IOException, ImportException {
        JsonSource json = context.json;
        JsonReader reader = json.reader();
        if (!json.beginArrayOrNull("the Resources array")) {
            return;
        }
        while (reader.hasNext()) {
            json.expect(JsonToken.BEGIN_OBJECT, "a resource (a JSON object)");
            reader.beginObject();
            String namespace = null;
            String kind = null;
            String name = null;
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "Namespace" -> namespace = json.nextText();
                    case "Kind" -> kind = json.nextText();
                    case "Name" -> name = json.nextText();
                    case "Results" -> {
                        context.resource = (cluster == null ? "" : cluster) + "/" + (namespace == null ? "" : namespace)
                                + "/" + (kind == null ? "" : kind) + "/" + (name == null ? "" : name);
                        boolean known = context.artifactKnown;
                        context.artifactKnown = true;
                        results(context);
                        context.artifactKnown = known;
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            context.resource = null;
        }
        reader.endArray();
    }

    private static void results(Context context) throws IOException, ImportException {
        JsonSource json = context.json;
        JsonReader reader = json.reader();
        if (!json.beginArrayOrNull("the Results array")) {
            return;
        }
        while (reader.hasNext()) {
            json.expect(JsonToken.BEGIN_OBJECT, "a result (a JSON object)");
            reader.beginObject();
            Result result = new Result();
            List<Object[]> early = new ArrayList<>();
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "Target" -> result.target = json.nextText();
                    case "Class" -> result.resultClass = json.nextText();
                    case "Type" -> result.type = json.nextText();
                    case "Vulnerabilities", "Misconfigurations", "Secrets" -> {
                        if (reader.peek() == JsonToken.NULL) {
                            reader.nextNull();
                            continue;
                        }
                        json.expect(JsonToken.BEGIN_ARRAY, "the " + name + " array");
                        reader.beginArray();
                        while (reader.hasNext()) {
                            String where = json.where();
                            JsonElement record = json.readTree(Set.of("References", "Code"));
                            if (!record.isJsonObject()) {
                                throw new ImportException(where + ": an entry of " + name + " is not a JSON object");
                            }
                            if (result.target == null) {
                                early.add(new Object[] {name, record.getAsJsonObject(), where});
                            } else {
                                context.record(name, record.getAsJsonObject(), result, where);
                            }
                        }
                        reader.endArray();
                    }
                    case "Licenses" -> {
                        if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                            String where = json.where();
                            reader.beginArray();
                            while (reader.hasNext()) {
                                reader.skipValue();
                                context.emitter.tally("license results (licences are not exposures)", where);
                            }
                            reader.endArray();
                        } else {
                            reader.skipValue();
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            for (Object[] e : early) {
                context.record((String) e[0], (JsonObject) e[1], result, (String) e[2]);
            }
        }
        reader.endArray();
    }

    private static ObservationBuilder common(Context context, Result result, SourceKind kind, String ruleId,
                                             String severity) {
        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(kind)
                .tool("Trivy", context.version)
                .ruleId(ruleId)
                .severity(severity, Normalise.severityWord(severity))
                .asset(context.asset(result.target));
        o.attribute("target", result.target);
        o.attribute("class", result.resultClass);
        o.attribute("type", result.type);
        return o;
    }

    private static void vulnerability(Context context, JsonObject v, Result result, String where)
            throws ImportException {
        String id = nonBlank(v, "VulnerabilityID");
        if (id == null) {
            context.emitter.tallySkip("vulnerabilities without a VulnerabilityID", where);
            return;
        }
        String pkg = nonBlank(v, "PkgName");
        String installed = nonBlank(v, "InstalledVersion");
        String fixed = nonBlank(v, "FixedVersion");
        String pkgPath = nonBlank(v, "PkgPath");
        String severity = nonBlank(v, "Severity");
        ObservationBuilder o = common(context, result, SourceKind.CODE_SCAN, id, severity);
        String title = nonBlank(v, "Title");
        o.title(title != null ? title : id + (pkg != null ? " in " + pkg : ""));
        StringBuilder location = new StringBuilder(result.target == null ? "" : result.target);
        if (pkg != null) {
            location.append(location.isEmpty() ? "" : " ").append(pkg);
        }
        if (pkgPath != null) {
            location.append(" (").append(pkgPath).append(')');
        }
        o.location(location.toString());
        if (pkg != null) {
            o.evidence(pkg + (installed != null ? " " + installed : "") + " installed"
                    + (fixed != null ? "; fixed in " + fixed : "; no fixed version"));
        }
        List<String> ids = new ArrayList<>();
        ids.add(id);
        ids.addAll(texts(v, "VendorIDs"));
        o.cves(Normalise.cves(ids));
        o.cwes(Normalise.cwes(texts(v, "CweIDs")));
        JsonObject cvss = object(v, "CVSS");
        if (cvss != null) {
            Set<String> sources = new LinkedHashSet<>();
            String preferred = nonBlank(v, "SeveritySource");
            if (preferred != null && cvss.has(preferred)) {
                sources.add(preferred);
            }
            if (cvss.has("nvd")) {
                sources.add("nvd");
            }
            sources.addAll(new TreeSet<>(cvss.keySet()));
            List<String> problems = new ArrayList<>();
            for (String source : sources) {
                JsonObject scores = object(cvss, source);
                String v40 = Normalise.vector(nonBlank(scores, "V40Vector"), "4.0", problems);
                String v3 = Normalise.vector(nonBlank(scores, "V3Vector"), "3.1", problems);
                String v2 = Normalise.vector(nonBlank(scores, "V2Vector"), "2.0", problems);
                o.vector(v40).vector(v3).vector(v2);
                o.attribute("cvss." + source + ".v4", v40);
                o.attribute("cvss." + source + ".v3", v3);
                o.attribute("cvss." + source + ".v2", v2);
                o.attribute("cvss." + source + ".v3Score", nonBlank(scores, "V3Score"));
            }
            for (String problem : problems) {
                context.emitter.warn(where + ": " + id + ": " + problem + "; the vector is left out");
            }
        }
        String status = nonBlank(v, "Status");
        if ("not_affected".equals(status)) {
            o.vex(new VexAnalysis("not_affected", null, null, null));
        }
        o.attribute("description", nonBlank(v, "Description"));
        o.attribute("pkgName", pkg);
        o.attribute("pkgPath", pkgPath);
        o.attribute("pkgId", nonBlank(v, "PkgID"));
        o.attribute("purl", nonBlank(object(v, "PkgIdentifier"), "PURL"));
        o.attribute("installedVersion", installed);
        o.attribute("fixedVersion", fixed);
        o.attribute("status", status);
        o.attribute("severitySource", nonBlank(v, "SeveritySource"));
        o.attribute("primaryUrl", nonBlank(v, "PrimaryURL"));
        o.attribute("publishedDate", nonBlank(v, "PublishedDate"));
        o.attribute("lastModifiedDate", nonBlank(v, "LastModifiedDate"));
        o.attribute("layer", nonBlank(object(v, "Layer"), "DiffID"));
        o.attribute("dataSource", nonBlank(object(v, "DataSource"), "ID"));
        context.emitter.emit(o.build(), () -> where);
    }

    private static void misconfiguration(Context context, JsonObject m, Result result, String where)
            throws ImportException {
        String status = nonBlank(m, "Status");
        if (status != null && !status.equalsIgnoreCase("FAIL")) {
            context.emitter.tally("misconfiguration checks with status PASS or EXCEPTION (not failures)", where);
            return;
        }
        String avdId = nonBlank(m, "AVDID");
        String id = avdId != null ? avdId : nonBlank(m, "ID");
        if (id == null) {
            context.emitter.tallySkip("misconfigurations without an ID", where);
            return;
        }
        ObservationBuilder o = common(context, result, SourceKind.CONFIGURATION_REVIEW, id, nonBlank(m, "Severity"));
        o.title(nonBlank(m, "Title"));
        JsonObject cause = object(m, "CauseMetadata");
        String resource = nonBlank(cause, "Resource");
        String line = nonBlank(cause, "StartLine");
        String target = result.target == null ? "" : result.target;
        o.location(resource != null ? target + "#" + resource : line != null && !line.equals("0") ? target + ":" + line
                : target);
        o.evidence(nonBlank(m, "Message"));
        o.attribute("description", nonBlank(m, "Description"));
        o.attribute("checkId", nonBlank(m, "ID"));
        o.attribute("avdId", avdId);
        o.attribute("namespace", nonBlank(m, "Namespace"));
        o.attribute("resolution", nonBlank(m, "Resolution"));
        o.attribute("primaryUrl", nonBlank(m, "PrimaryURL"));
        o.attribute("provider", nonBlank(cause, "Provider"));
        o.attribute("service", nonBlank(cause, "Service"));
        o.attribute("startLine", line);
        o.attribute("endLine", nonBlank(cause, "EndLine"));
        context.emitter.emit(o.build(), () -> where);
    }

    private static void secret(Context context, JsonObject s, Result result, String where) throws ImportException {
        String id = nonBlank(s, "RuleID");
        if (id == null) {
            context.emitter.tallySkip("secrets without a RuleID", where);
            return;
        }
        ObservationBuilder o = common(context, result, SourceKind.CODE_SCAN, id, nonBlank(s, "Severity"));
        o.title(nonBlank(s, "Title"));
        String line = nonBlank(s, "StartLine");
        String target = result.target == null ? "" : result.target;
        o.location(line == null ? target : target + ":" + line);
        o.evidence(nonBlank(s, "Match"));
        o.attribute("category", nonBlank(s, "Category"));
        o.attribute("startLine", line);
        o.attribute("endLine", nonBlank(s, "EndLine"));
        o.attribute("layer", nonBlank(object(s, "Layer"), "DiffID"));
        context.emitter.emit(o.build(), () -> where);
    }
}
