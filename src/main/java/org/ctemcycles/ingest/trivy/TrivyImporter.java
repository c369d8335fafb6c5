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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.ctemcycles.ingest.support.JsonValues.nonBlank;
import static org.ctemcycles.ingest.support.JsonValues.object;
import static org.ctemcycles.ingest.support.JsonValues.texts;

/**
 * Reads Trivy JSON reports (schema version 2, the pre-0.20 bare array of results or {@code null}, and the Kubernetes
 * report with its workloads), one vulnerability, misconfiguration or secret at a time; see the package documentation.
 */
public final class TrivyImporter implements Importer {

    /** The tool name of observations from {@code trivy k8s}: a source of its own (see the package documentation). */
    static final String K8S_TOOL = "Trivy k8s";

    /** The Target Trivy gives an OS result: the artifact, then the OS family and version in brackets. */
    private static final Pattern OS_TARGET = Pattern.compile("(\\S+) \\(([a-z][a-z0-9._-]*) (.+)\\)");

    /** A Kubernetes report of a cluster where nothing was found: only its name (Trivy omits empty lists). */
    private static final Pattern BARE_CLUSTER = Pattern.compile(
            "\\s*\\{\\s*(\"SchemaVersion\"\\s*:\\s*\\d+\\s*,\\s*)?\"ClusterName\"\\s*:\\s*\"[^\"\\\\]*\"\\s*}\\s*");

    /** The top-level arrays of workloads in the Kubernetes report, by Trivy version (see the package documentation). */
    private static final Set<String> WORKLOAD_ARRAYS = Set.of("Resources", "Vulnerabilities", "Misconfigurations",
            "Findings");

    @Override
    public String format() {
        return "trivy";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        int first = Heads.firstSignificant(text);
        if (first == '{') {
            if (Heads.hasKey(text, "SchemaVersion") && (Heads.hasKey(text, "ArtifactName")
                    || Heads.hasKey(text, "Results") || Heads.hasKey(text, "ArtifactType"))) {
                return true;
            }
            if (Heads.hasKey(text, "ClusterName")) {
                for (String array : WORKLOAD_ARRAYS) {
                    if (Heads.hasKey(text, array)) {
                        return true;
                    }
                }
                return BARE_CLUSTER.matcher(text.replace("\uFEFF", "")).matches();
            }
            return false;
        }
        if (first == 'n') {
            // Trivy before 0.20 wrote a bare null when it found nothing at all
            return text.replace("\uFEFF", "").strip().equals("null");
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
            if (reader.peek() == JsonToken.NULL) {
                reader.nextNull();
            } else if (reader.peek() == JsonToken.BEGIN_ARRAY) {
                context.legacy = true;
                results(context);
                context.settle();
            } else {
                report(context);
            }
            json.expectEnd();
            emitter.finish();
        } catch (IOException | RuntimeException e) {
            throw json == null ? new ImportException(e.getMessage(), e) : json.failure(e);
        }
    }

    /** A report object: schema version 2 (an artifact and its results) or the Kubernetes report (workloads). */
    private static void report(Context context) throws IOException, ImportException {
        JsonSource json = context.json;
        JsonReader reader = json.reader();
        json.expect(JsonToken.BEGIN_OBJECT, "a Trivy report (a JSON object)");
        reader.beginObject();
        String cluster = null;
        boolean sawResults = false;
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "SchemaVersion" -> {
                    String version = json.nextText();
                    // the Kubernetes report writes no version, or 0
                    if (version != null && !version.equals("2") && !version.equals("0")) {
                        context.emitter.warn(json.where() + ": Trivy SchemaVersion " + version
                                + " is not the version 2 this importer was written for; reading it anyway");
                    }
                }
                case "ArtifactName" -> context.artifactName = json.nextText();
                case "ArtifactType" -> context.artifactType = json.nextText();
                case "ClusterName" -> {
                    cluster = json.nextText();
                    context.kubernetes = true;
                }
                case "Trivy" -> {
                    JsonElement trivy = json.readTree(Set.of());
                    if (trivy.isJsonObject()) {
                        String version = nonBlank(trivy.getAsJsonObject(), "Version");
                        context.version = version == null ? "" : version;
                    }
                }
                case "Results" -> {
                    sawResults = true;
                    results(context);
                }
                default -> {
                    if (WORKLOAD_ARRAYS.contains(name)) {
                        // these arrays of workloads exist only at the top of the Kubernetes report
                        sawResults = true;
                        context.kubernetes = true;
                        workloads(context, cluster, name);
                    } else {
                        reader.skipValue();
                    }
                }
            }
        }
        reader.endObject();
        context.settle();
        if (!sawResults && context.artifactName == null && !context.kubernetes) {
            throw new ImportException(json.where() + ": the Trivy report has neither Results nor ArtifactName");
        }
    }

    /** What the records of a report share; records read before their asset is known wait in {@code pending}. */
    private static final class Context {
        final JsonSource json;
        final Emitter emitter;
        final ImportLimits limits;
        String artifactName;
        String artifactType;
        String version = "";
        /** The pre-0.20 bare array: the artifact is named only by its OS result's Target. */
        boolean legacy;
        String legacyImage;
        boolean kubernetes;
        /** The workload being read, in the Kubernetes report. */
        Workload workload;
        /** Nothing more can name an asset: waiting records are mapped with what is known. */
        boolean settled;
        final List<Pending> pending = new ArrayList<>();

        Context(JsonSource json, Emitter emitter, ImportLimits limits) {
            this.json = json;
            this.emitter = emitter;
            this.limits = limits;
        }

        /** Whether a record of this result must wait for a later part of the report to name its asset. */
        boolean mustWait(Result result) {
            if (settled) {
                return false;
            }
            if (workload != null) {
                return !workload.settled && !result.isManifest() && workload.images.isEmpty()
                        && workload.osImages.isEmpty() && !result.isOs();
            }
            if (legacy) {
                return legacyImage == null;
            }
            // Trivy names the artifact before its results; records wait only when it has not
            return artifactName == null;
        }

        void record(String section, JsonObject record, Result result, String where) throws ImportException {
            if (mustWait(result)) {
                if (pending.size() >= limits.maxObservations()) {
                    throw new ImportException(limits.tooManyObservations(where));
                }
                pending.add(new Pending(section, record, result, where));
                return;
            }
            Placement placement = placement(result);
            switch (section) {
                case "Vulnerabilities" -> vulnerability(this, record, result, placement, where);
                case "Misconfigurations" -> misconfiguration(this, record, result, placement, where);
                case "Secrets" -> secret(this, record, result, placement, where);
                default -> {
                }
            }
        }

        /** A result's header is known: an OS result names the artifact (legacy) or the workload's image. */
        void announce(Result result) throws ImportException {
            if (!result.isOs()) {
                return;
            }
            String image = osArtifact(result.target);
            if (legacy && legacyImage == null) {
                legacyImage = image;
            }
            if (workload != null) {
                workload.osImages.add(image);
            }
            retry();
        }

        /** Maps the waiting records whose asset is now known (all of them once settled). */
        void retry() throws ImportException {
            if (pending.isEmpty()) {
                return;
            }
            List<Pending> waiting = new ArrayList<>(pending);
            pending.clear();
            for (Pending p : waiting) {
                record(p.section, p.record, p.result, p.where);
            }
        }

        void settle() throws ImportException {
            settled = true;
            retry();
        }

        /** The asset (and the workload it runs in) of a result's records. */
        Placement placement(Result result) {
            if (workload != null) {
                return workload.placement(result, emitter);
            }
            if (legacy) {
                return legacyImage != null ? new Placement(new AssetRef(AssetKind.CONTAINER_IMAGE, legacyImage), null)
                        : new Placement(new AssetRef(AssetKind.OTHER, result.target == null ? "" : result.target),
                        null);
            }
            if (artifactName == null) {
                return new Placement(new AssetRef(AssetKind.OTHER, result.target == null ? "" : result.target), null);
            }
            String type = artifactType == null ? "" : artifactType.toLowerCase(Locale.ROOT);
            AssetKind kind = switch (type) {
                case "container_image" -> AssetKind.CONTAINER_IMAGE;
                case "filesystem", "repository" -> AssetKind.REPOSITORY;
                case "vm" -> AssetKind.HOST;
                case "aws_account" -> AssetKind.CLOUD_ACCOUNT;
                default -> AssetKind.OTHER;
            };
            return new Placement(new AssetRef(kind, artifactName.trim()), null);
        }

        String tool() {
            return kubernetes ? K8S_TOOL : "Trivy";
        }
    }

    private record Pending(String section, JsonObject record, Result result, String where) {
    }

    /** Where a record's exposure is: its asset, and the Kubernetes workload running it (or null). */
    private record Placement(AssetRef asset, String deployment) {
    }

    /** One entry of Results: its target, class and type (records read before them are completed afterwards). */
    private static final class Result {
        String target;
        String resultClass;
        String type;
        boolean announced;

        /** OS packages: the Target is the artifact itself ("image:tag (alpine 3.19.1)"). */
        boolean isOs() {
            if (target == null) {
                return false;
            }
            if (resultClass != null) {
                return resultClass.equals("os-pkgs") && OS_TARGET.matcher(target).matches();
            }
            return OS_TARGET.matcher(target).matches();
        }

        /** A Kubernetes manifest's checks ("Deployment/app"), as opposed to what is inside the workload's image. */
        boolean isManifest() {
            return "kubernetes".equalsIgnoreCase(type);
        }
    }

    /** The artifact an OS result's Target names: "registry/app:1.4 (alpine 3.19.1)" is "registry/app:1.4". */
    static String osArtifact(String target) {
        Matcher m = OS_TARGET.matcher(target);
        return m.matches() ? m.group(1) : target;
    }

    /** One workload of the Kubernetes report and the images it runs. */
    private static final class Workload {
        final String key;
        /** One image per entry of Metadata (RepoTags, else RepoDigests), in order; one names every result's image. */
        final List<String> images = new ArrayList<>();
        /** Images named by the Target of an OS result. */
        final Set<String> osImages = new LinkedHashSet<>();
        boolean settled;

        Workload(String key) {
            this.key = key;
        }

        Placement placement(Result result, Emitter emitter) {
            AssetRef workloadAsset = new AssetRef(AssetKind.OTHER, key);
            if (result.isManifest()) {
                return new Placement(workloadAsset, null);
            }
            String image = null;
            if (images.size() == 1) {
                image = images.get(0);
            } else if (result.isOs()) {
                image = osArtifact(result.target);
            } else if (images.isEmpty() && osImages.size() == 1) {
                image = osImages.iterator().next();
            } else if (images.size() > 1 || osImages.size() > 1) {
                emitter.tally("results of a workload with several images that do not say which image they are in"
                        + " (mapped to the workload)", key);
            }
            return image == null ? new Placement(workloadAsset, null)
                    : new Placement(new AssetRef(AssetKind.CONTAINER_IMAGE, image), key);
        }
    }

    /** An array of workloads ("Resources", or "Vulnerabilities" and "Misconfigurations" before Trivy 0.42). */
    private static void workloads(Context context, String cluster, String section) throws IOException,
            ImportException {
        JsonSource json = context.json;
        JsonReader reader = json.reader();
        if (!json.beginArrayOrNull("the " + section + " array")) {
            return;
        }
        while (reader.hasNext()) {
            json.expect(JsonToken.BEGIN_OBJECT, "a workload of " + section + " (a JSON object)");
            String where = json.where();
            reader.beginObject();
            String namespace = null;
            String kind = null;
            String name = null;
            Workload workload = null;
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "Namespace" -> namespace = json.nextText();
                    case "Kind" -> kind = json.nextText();
                    case "Name" -> name = json.nextText();
                    case "Metadata" -> {
                        workload = workload != null ? workload : new Workload(workloadKey(cluster, namespace, kind,
                                name));
                        metadata(json.readTree(Set.of("ImageConfig", "Layers", "DiffIDs", "OS")), workload);
                    }
                    case "Results" -> {
                        workload = workload != null ? workload : new Workload(workloadKey(cluster, namespace, kind,
                                name));
                        context.workload = workload;
                        results(context);
                    }
                    case "Error" -> {
                        String error = json.nextText();
                        if (error != null && !error.isBlank()) {
                            context.emitter.warn(where + ": Trivy could not scan " + workloadKey(cluster, namespace,
                                    kind, name) + ": " + Normalise.abbreviate(error, 300));
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (workload != null) {
                context.workload = workload;
                workload.settled = true;
                context.retry();
            }
            context.workload = null;
        }
        reader.endArray();
    }

    /** "cluster/namespace/kind/name": the workload as an asset and as the deployment of an image. */
    private static String workloadKey(String cluster, String namespace, String kind, String name) {
        return (cluster == null ? "" : cluster.trim()) + "/" + (namespace == null ? "" : namespace.trim()) + "/"
                + (kind == null ? "" : kind.trim()) + "/" + (name == null ? "" : name.trim());
    }

    /** The images of a workload's Metadata: one object before Trivy 0.57, an array of one per image since. */
    private static void metadata(JsonElement metadata, Workload workload) {
        List<JsonObject> entries = new ArrayList<>();
        if (metadata.isJsonObject()) {
            entries.add(metadata.getAsJsonObject());
        } else if (metadata.isJsonArray()) {
            for (JsonElement entry : metadata.getAsJsonArray()) {
                if (entry.isJsonObject()) {
                    entries.add(entry.getAsJsonObject());
                }
            }
        }
        for (JsonObject entry : entries) {
            List<String> names = texts(entry, "RepoTags");
            if (names.isEmpty()) {
                names = texts(entry, "RepoDigests");
            }
            if (!names.isEmpty() && !names.get(0).isBlank() && !workload.images.contains(names.get(0).trim())) {
                workload.images.add(names.get(0).trim());
            }
        }
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
            List<Pending> early = new ArrayList<>();
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
                                early.add(new Pending(name, record.getAsJsonObject(), result, where));
                            } else {
                                if (!result.announced) {
                                    result.announced = true;
                                    context.announce(result);
                                }
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
            if (!result.announced) {
                result.announced = true;
                context.announce(result);
            }
            for (Pending e : early) {
                context.record(e.section, e.record, result, e.where);
            }
        }
        reader.endArray();
    }

    /**
     * Done last: a record in a workload's image is placed in the workload too ("cluster/ns/Deployment/app: libssl3"),
     * so that two findings of one image read apart wherever a finding shows its location.
     */
    private static void emit(Context context, ObservationBuilder o, Placement placement, String location,
                             String where) throws ImportException {
        o.location(placement.deployment() == null ? location
                : location.isEmpty() ? placement.deployment() : placement.deployment() + ": " + location);
        context.emitter.emit(o.build(), () -> where);
    }

    private static ObservationBuilder common(Context context, Result result, Placement placement, SourceKind kind,
                                             String ruleId, String severity) {
        ObservationBuilder o = new ObservationBuilder()
                .sourceKind(kind)
                .tool(context.tool(), context.version)
                .ruleId(ruleId)
                .severity(severity, Normalise.severityWord(severity))
                .asset(placement.asset())
                .deployment(placement.deployment());
        o.attribute("target", result.target);
        o.attribute("class", result.resultClass);
        o.attribute("type", result.type);
        o.attribute("workload", context.workload == null ? null : context.workload.key);
        return o;
    }

    private static void vulnerability(Context context, JsonObject v, Result result, Placement placement, String where)
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
        ObservationBuilder o = common(context, result, placement, SourceKind.CODE_SCAN, id, severity);
        String title = nonBlank(v, "Title");
        o.title(title != null ? title : id + (pkg != null ? " in " + pkg : ""));
        // an OS result's Target is the artifact with its tag and OS version, which change with every rebuild
        StringBuilder location = new StringBuilder(result.isOs() || result.target == null ? "" : result.target);
        if (pkg != null) {
            location.append(location.isEmpty() ? "" : " ").append(pkg);
        }
        if (pkgPath != null) {
            location.append(" (").append(pkgPath).append(')');
        }
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
        emit(context, o, placement, location.toString(), where);
    }

    private static void misconfiguration(Context context, JsonObject m, Result result, Placement placement,
                                         String where) throws ImportException {
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
        ObservationBuilder o = common(context, result, placement, SourceKind.CONFIGURATION_REVIEW, id,
                nonBlank(m, "Severity"));
        o.title(nonBlank(m, "Title"));
        JsonObject cause = object(m, "CauseMetadata");
        if (cause == null) {
            cause = object(m, "IacMetadata"); // the name before Trivy 0.30
        }
        String resource = nonBlank(cause, "Resource");
        String line = nonBlank(cause, "StartLine");
        String target = result.target == null ? "" : result.target;
        // a manifest Trivy checks is written from the live object: its lines move between scans
        String location = result.isManifest() ? target : resource != null ? target + "#" + resource
                : line != null && !line.equals("0") ? target + ":" + line : target;
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
        emit(context, o, placement, location, where);
    }

    private static void secret(Context context, JsonObject s, Result result, Placement placement, String where)
            throws ImportException {
        String id = nonBlank(s, "RuleID");
        if (id == null) {
            context.emitter.tallySkip("secrets without a RuleID", where);
            return;
        }
        ObservationBuilder o = common(context, result, placement, SourceKind.CODE_SCAN, id, nonBlank(s, "Severity"));
        o.title(nonBlank(s, "Title"));
        String line = nonBlank(s, "StartLine");
        String target = result.target == null ? "" : result.target;
        o.evidence(nonBlank(s, "Match"));
        o.attribute("category", nonBlank(s, "Category"));
        o.attribute("startLine", line);
        o.attribute("endLine", nonBlank(s, "EndLine"));
        o.attribute("layer", nonBlank(object(s, "Layer"), "DiffID"));
        emit(context, o, placement, line == null ? target : target + ":" + line, where);
    }
}
