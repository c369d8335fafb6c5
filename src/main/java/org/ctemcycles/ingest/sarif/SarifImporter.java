package org.ctemcycles.ingest.sarif;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.ctemcycles.ingest.support.JsonValues.nonBlank;
import static org.ctemcycles.ingest.support.JsonValues.object;
import static org.ctemcycles.ingest.support.JsonValues.objects;
import static org.ctemcycles.ingest.support.JsonValues.path;
import static org.ctemcycles.ingest.support.JsonValues.text;
import static org.ctemcycles.ingest.support.JsonValues.texts;

/** Reads SARIF 2.1.0 logs from any tool, one result at a time; see the package documentation for the mapping. */
public final class SarifImporter implements Importer {

    /** Parts of a result this importer never uses; they can be large (CodeQL code flows), so they are skipped unread. */
    private static final Set<String> RESULT_SKIP = Set.of("codeFlows", "graphs", "graphTraversals", "stacks",
            "attachments", "relatedLocations", "fixes", "webRequest", "webResponse", "provenance");
    private static final Set<String> RULE_SKIP = Set.of("help", "fullDescription", "messageStrings", "helpUri");
    /**
     * partialFingerprints gitleaks fills with the commit a secret was found in ("until revision data can be added
     * somewhere else", its writer says): the same for every leak of one commit, so not a fingerprint of the result.
     */
    private static final Set<String> COMMIT_KEYS = Set.of("commitSha", "author", "email", "date", "commitMessage");

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        if (Heads.firstSignificant(text) != '{') {
            return false;
        }
        boolean schema = text.contains("sarif-schema") || text.contains("sarif-2.1.0") || text.contains("/sarif");
        boolean runs = Heads.hasKey(text, "runs");
        boolean version = Heads.hasKey(text, "version") && text.matches("(?s).*\"version\"\\s*:\\s*\"2\\.1\\.0\".*");
        return runs && (schema || version || Heads.hasKey(text, "driver")) || schema && Heads.hasKey(text, "version");
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        JsonSource json = null;
        try {
            json = JsonSource.open(report, limits);
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "a SARIF log (a JSON object)");
            reader.beginObject();
            String version = null;
            String schema = null;
            String versionWhere = null;
            boolean versionUnchecked = false;
            boolean sawRuns = false;
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "$schema" -> schema = json.nextText();
                    case "version" -> {
                        versionWhere = json.where();
                        version = json.nextText();
                        if (!"2.1.0".equals(version)) {
                            // decided now when the $schema was read before (as producers write it), else at the end
                            versionUnchecked = schema == null;
                            if (!versionUnchecked) {
                                checkVersion(version, schema, versionWhere, emitter);
                            }
                        }
                    }
                    case "runs" -> {
                        sawRuns = true;
                        json.expect(JsonToken.BEGIN_ARRAY, "the runs array");
                        reader.beginArray();
                        while (reader.hasNext()) {
                            new Run(json, emitter, limits).read();
                        }
                        reader.endArray();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            json.expectEnd();
            if (version == null) {
                throw new ImportException(json.where() + ": the SARIF log has no version (2.1.0 expected)");
            }
            if (versionUnchecked) {
                checkVersion(version, schema, versionWhere, emitter);
            }
            if (!sawRuns) {
                throw new ImportException(json.where() + ": the SARIF log has no runs array");
            }
            emitter.finish();
        } catch (IOException | RuntimeException e) {
            throw json == null ? new ImportException(e.getMessage(), e) : json.failure(e);
        }
    }

    /**
     * A version other than 2.1.0 is refused, unless the log's {@code $schema} is SARIF 2.1.0's: gitleaks 8.0.0 to
     * 8.0.3 wrote its own version there ("v8.0.0") in logs that are SARIF 2.1.0 otherwise.
     */
    private static void checkVersion(String version, String schema, String where, Emitter emitter)
            throws ImportException {
        if (schema != null && schema.contains("sarif-2.1.0")) {
            emitter.warn(where + ": the log's version is '" + version + "', but its $schema is SARIF 2.1.0's;"
                    + " read as SARIF 2.1.0");
            return;
        }
        throw new ImportException(where + ": SARIF version '" + version
                + "' is not supported (this importer reads SARIF 2.1.0)");
    }

    /** One run: its tool and rules, then its results (buffered only if a producer writes results before the tool). */
    private static final class Run {
        private final JsonSource json;
        private final Emitter emitter;
        private final ImportLimits limits;
        private String toolName;
        private String toolVersion = "";
        private final List<Map<String, JsonObject>> rulesById = new ArrayList<>();
        private final List<List<JsonObject>> rulesByIndex = new ArrayList<>();
        /** Per tool component (the driver first, then the extensions): its name and guid, for references by them. */
        private final List<String[]> components = new ArrayList<>();
        private final Map<String, JsonObject> rulesByGuid = new HashMap<>();
        private String repository = "";
        /** Absolute base URIs of the run (originalUriBaseIds), cut from absolute artifact URIs. */
        private final List<String> baseUris = new ArrayList<>();
        private boolean toolSeen;
        private final List<JsonObject> pending = new ArrayList<>();
        private String pendingWhere;
        private final Map<JsonObject, RuleFacts> ruleFacts = new IdentityHashMap<>();

        Run(JsonSource json, Emitter emitter, ImportLimits limits) {
            this.json = json;
            this.emitter = emitter;
            this.limits = limits;
        }

        void read() throws IOException, ImportException {
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "a run (a JSON object)");
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "tool" -> readTool();
                    case "versionControlProvenance" -> {
                        JsonElement provenance = json.readTree(Set.of());
                        if (provenance.isJsonArray() && !provenance.getAsJsonArray().isEmpty()
                                && provenance.getAsJsonArray().get(0).isJsonObject()) {
                            String uri = nonBlank(provenance.getAsJsonArray().get(0).getAsJsonObject(), "repositoryUri");
                            if (uri != null) {
                                repository = uri;
                            }
                        }
                    }
                    case "results" -> readResults();
                    case "originalUriBaseIds" -> {
                        JsonElement bases = json.readTree(Set.of());
                        if (bases.isJsonObject()) {
                            for (String base : bases.getAsJsonObject().keySet()) {
                                String uri = nonBlank(object(bases.getAsJsonObject(), base), "uri");
                                if (uri != null && uri.contains(":")) {
                                    baseUris.add(uri.endsWith("/") ? uri : uri + "/");
                                }
                            }
                            // the most specific base first: SRCROOT inside a ROOTPATH of file:///
                            baseUris.sort((a, b) -> b.length() - a.length());
                        }
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (!toolSeen) {
                throw new ImportException(json.where() + ": a run has no tool (run.tool.driver is required)");
            }
            for (JsonObject result : pending) {
                result(result, pendingWhere);
            }
            pending.clear();
        }

        private void readTool() throws IOException, ImportException {
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "run.tool (a JSON object)");
            reader.beginObject();
            Map<String, JsonObject> driverById = new HashMap<>();
            List<JsonObject> driverByIndex = new ArrayList<>();
            rulesById.add(0, driverById);
            rulesByIndex.add(0, driverByIndex);
            components.add(0, new String[2]);
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (name.equals("driver")) {
                    String[] component = readComponent(driverById, driverByIndex);
                    toolName = component[0];
                    toolVersion = component[1];
                    components.set(0, new String[] {component[0], component[2]});
                } else if (name.equals("extensions") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        Map<String, JsonObject> byId = new HashMap<>();
                        List<JsonObject> byIndex = new ArrayList<>();
                        String[] component = readComponent(byId, byIndex);
                        rulesById.add(byId);
                        rulesByIndex.add(byIndex);
                        components.add(new String[] {component[0], component[2]});
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (toolName == null) {
                throw new ImportException(json.where() + ": run.tool.driver.name is missing");
            }
            toolSeen = true;
        }

        /** Reads a toolComponent; answers its name, version and guid and fills its rules. */
        private String[] readComponent(Map<String, JsonObject> byId, List<JsonObject> byIndex)
                throws IOException, ImportException {
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "a tool component (a JSON object)");
            reader.beginObject();
            String name = null;
            String version = null;
            String semanticVersion = null;
            String guid = null;
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "name" -> name = json.nextText();
                    case "guid" -> guid = json.nextText();
                    case "version" -> version = json.nextText();
                    case "semanticVersion" -> semanticVersion = json.nextText();
                    case "rules" -> {
                        json.expect(JsonToken.BEGIN_ARRAY, "the rules array");
                        reader.beginArray();
                        while (reader.hasNext()) {
                            JsonElement rule = json.readTree(RULE_SKIP);
                            JsonObject object = rule.isJsonObject() ? rule.getAsJsonObject() : new JsonObject();
                            byIndex.add(object);
                            String id = nonBlank(object, "id");
                            if (id != null) {
                                byId.putIfAbsent(id, object);
                            }
                            String ruleGuid = nonBlank(object, "guid");
                            if (ruleGuid != null) {
                                rulesByGuid.putIfAbsent(ruleGuid.toLowerCase(Locale.ROOT), object);
                            }
                        }
                        reader.endArray();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            return new String[] {name, version != null ? version : semanticVersion != null ? semanticVersion : "",
                    guid};
        }

        private void readResults() throws IOException, ImportException {
            JsonReader reader = json.reader();
            if (!json.beginArrayOrNull("the results array")) {
                return;
            }
            while (reader.hasNext()) {
                String where = json.where();
                JsonElement element = json.readTree(RESULT_SKIP);
                if (!element.isJsonObject()) {
                    throw new ImportException(where + ": a result is not a JSON object");
                }
                if (toolSeen) {
                    result(element.getAsJsonObject(), where);
                } else {
                    // the producer wrote results before run.tool: keep them until the rules are known
                    if (pending.size() >= limits.maxObservations()) {
                        throw new ImportException(limits.tooManyObservations(where));
                    }
                    if (pendingWhere == null) {
                        pendingWhere = where;
                    }
                    pending.add(element.getAsJsonObject());
                }
            }
            reader.endArray();
        }

        /**
         * The rule a result refers to: by index ({@code ruleIndex} or {@code rule.index}) in the tool component
         * {@code rule.toolComponent} names (by index, guid or name; the driver when absent), by {@code rule.guid},
         * else by id.
         */
        private JsonObject rule(JsonObject result, String ruleId) {
            JsonObject reference = object(result, "rule");
            int component = component(object(reference, "toolComponent"));
            String index = ruleIndex(result);
            if (component >= 0 && component < rulesByIndex.size() && index != null) {
                int i = parseIndex(index);
                List<JsonObject> rules = rulesByIndex.get(component);
                if (i >= 0 && i < rules.size()) {
                    return rules.get(i);
                }
            }
            String guid = nonBlank(reference, "guid");
            if (guid != null && rulesByGuid.containsKey(guid.toLowerCase(Locale.ROOT))) {
                return rulesByGuid.get(guid.toLowerCase(Locale.ROOT));
            }
            if (ruleId != null) {
                for (Map<String, JsonObject> byId : rulesById) {
                    JsonObject rule = byId.get(ruleId);
                    if (rule != null) {
                        return rule;
                    }
                }
                // a hierarchical id ("CA2000/1") names a sub-rule of the rule "CA2000"
                int slash = ruleId.indexOf('/');
                if (slash > 0) {
                    for (Map<String, JsonObject> byId : rulesById) {
                        JsonObject rule = byId.get(ruleId.substring(0, slash));
                        if (rule != null) {
                            return rule;
                        }
                    }
                }
            }
            return null;
        }

        private static String ruleIndex(JsonObject result) {
            String index = text(result, "ruleIndex");
            return index != null ? index : text(object(result, "rule"), "index");
        }

        /** The index in {@code rulesByIndex} of the tool component a toolComponentReference names; -1 if unknown. */
        private int component(JsonObject reference) {
            if (reference == null) {
                return 0;
            }
            String index = text(reference, "index");
            if (index != null) {
                int i = parseIndex(index);
                return i < 0 ? -1 : i + 1; // extensions follow the driver
            }
            String guid = nonBlank(reference, "guid");
            String name = nonBlank(reference, "name");
            for (int i = 0; i < components.size(); i++) {
                String[] component = components.get(i);
                if (guid != null && guid.equalsIgnoreCase(component[1])
                        || guid == null && name != null && name.equals(component[0])) {
                    return i;
                }
            }
            return guid == null && name == null ? 0 : -1;
        }

        /**
         * A result's rule named by where it is, when nothing gives its id: the guid of its reference, else its index
         * in the driver ({@code rules[3]}) or in an extension ({@code CodeQL/java-queries:rules[3]}); null without any.
         */
        private String ruleReference(JsonObject result) {
            JsonObject reference = object(result, "rule");
            String guid = nonBlank(reference, "guid");
            if (guid != null) {
                return guid.toLowerCase(Locale.ROOT);
            }
            String index = ruleIndex(result);
            if (index == null) {
                return null;
            }
            int component = component(object(reference, "toolComponent"));
            String prefix = "";
            if (component > 0 && component < components.size()) {
                String[] named = components.get(component);
                prefix = (named[0] != null ? named[0] : named[1] != null ? named[1] : "extensions[" + (component - 1)
                        + "]") + ":";
            }
            return prefix + "rules[" + index.trim() + "]";
        }

        private static int parseIndex(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return -2;
            }
        }

        private void result(JsonObject result, String where) throws ImportException {
            String ruleId = nonBlank(result, "ruleId");
            if (ruleId == null) {
                ruleId = nonBlank(object(result, "rule"), "id");
            }
            JsonObject rule = rule(result, ruleId);
            if (ruleId == null && rule != null) {
                ruleId = firstNonBlank(nonBlank(rule, "id"), nonBlank(rule, "guid"), nonBlank(rule, "name"));
            }
            if (ruleId == null) {
                ruleId = ruleReference(result);
            }
            boolean gitleaks = "gitleaks".equalsIgnoreCase(toolName);
            String fingerprint = fingerprint(result, gitleaks);
            String location = location(result);
            // only gitleaks' commit is where a leak came in; another tool's "commit" may be the commit it scanned
            String commit = gitleaks ? commit(result) : null;
            if (commit != null) {
                // one leak is a rule, a place and the commit that brought it in, as gitleaks' own fingerprint is
                location = location + "@" + commit;
            }
            if (ruleId == null) {
                if (fingerprint == null && location.isEmpty()) {
                    emitter.tallySkip("results without a rule, fingerprint or location (no stable identity)", where);
                    return;
                }
                // no rule at all (gitleaks 7; gitleaks 8.0 with rules without an id): what the result is comes from
                // its fingerprint or, without one, its place; never from its message, which is free text
                ruleId = "";
            }
            String kind = nonBlank(result, "kind");
            kind = kind == null ? "fail" : kind;
            if (kind.equals("pass") || kind.equals("notApplicable") || kind.equals("informational")) {
                emitter.tally("results of kind pass, notApplicable or informational (not a problem)", where);
                return;
            }
            String baselineState = nonBlank(result, "baselineState");
            if ("absent".equals(baselineState)) {
                emitter.tally("results whose baselineState is 'absent' (no longer present)", where);
                return;
            }
            RuleFacts facts = rule == null ? RuleFacts.NONE : ruleFacts.computeIfAbsent(rule, Run::facts);
            String level = nonBlank(result, "level");
            if (level == null) {
                level = kind.equals("fail") ? facts.defaultLevel() : "none";
            }
            if (level == null) {
                level = "warning";
            }
            JsonObject resultProperties = object(result, "properties");
            String securitySeverity = nonBlank(resultProperties, "security-severity");
            if (securitySeverity == null) {
                securitySeverity = facts.securitySeverity();
            }
            BigDecimal score = Normalise.score(securitySeverity);

            ObservationBuilder o = new ObservationBuilder()
                    .sourceKind(SourceKind.CODE_SCAN)
                    .tool(toolName, toolVersion)
                    .ruleId(ruleId)
                    .asset(new AssetRef(AssetKind.REPOSITORY, repository));
            if (score != null) {
                o.severity(securitySeverity, Normalise.severityScore(score));
            } else {
                o.severity(level, levelSeverity(level));
            }
            String message = message(result);
            o.title(facts.title() != null ? facts.title() : Normalise.firstLine(message, 300));
            o.evidence(message);
            o.location(location);
            o.fingerprint(fingerprint);

            List<String> resultTags = texts(resultProperties, "tags");
            List<String> ids = new ArrayList<>();
            ids.add(ruleId);
            ids.addAll(facts.tags());
            ids.addAll(resultTags);
            o.cves(Normalise.cves(ids));
            List<String> cwes = new ArrayList<>(facts.cwes());
            for (String tag : resultTags) {
                cwes.addAll(Normalise.cwesIn(tag));
            }
            for (JsonObject taxon : objects(result, "taxa")) {
                addTaxon(cwes, taxon);
            }
            o.cwes(cwes);
            facts.vectors().forEach(o::vector);
            addVectors(o, resultProperties);

            o.attribute("level", level);
            if (!kind.equals("fail")) {
                o.attribute("kind", kind);
            }
            o.attribute("baselineState", baselineState);
            o.attribute("security-severity", securitySeverity);
            o.attribute("precision", facts.precision());
            o.attribute("rank", nonBlank(result, "rank"));
            o.attribute("occurrenceCount", nonBlank(result, "occurrenceCount"));
            if (!gitleaks) {
                // gitleaks' snippet is the secret itself (unless run with --redact): it is not kept
                o.attribute("snippet", nonBlank(path(firstPhysical(result), "region", "snippet"), "text"));
            }
            if (rule == null && ruleId.isEmpty()) {
                o.attribute("rule", "none");
            }
            commitAttributes(result, commit, o);
            suppression(result, o);
            emitter.emit(o.build(), () -> where);
        }

        /** What a rule contributes to each of its results, worked out once per rule. */
        private static RuleFacts facts(JsonObject rule) {
            JsonObject properties = object(rule, "properties");
            String title = nonBlank(path(rule, "shortDescription"), "text");
            if (title == null) {
                title = nonBlank(rule, "name");
            }
            List<String> tags = texts(properties, "tags");
            List<String> cwes = new ArrayList<>();
            for (String tag : tags) {
                cwes.addAll(Normalise.cwesIn(tag));
            }
            for (String cwe : texts(properties, "cwe")) {
                String normal = Normalise.cwe(cwe);
                if (normal != null) {
                    cwes.add(normal);
                }
            }
            for (JsonObject relationship : objects(rule, "relationships")) {
                addTaxon(cwes, object(relationship, "target"));
            }
            ObservationBuilder vectors = new ObservationBuilder();
            addVectors(vectors, properties);
            return new RuleFacts(title == null ? null : Normalise.firstLine(title, 300),
                    nonBlank(path(rule, "defaultConfiguration"), "level"), nonBlank(properties, "security-severity"),
                    nonBlank(properties, "precision"), List.copyOf(tags), List.copyOf(cwes), vectors.vectors());
        }

        private static void addTaxon(List<String> cwes, JsonObject taxon) {
            if (taxon == null) {
                return;
            }
            String component = nonBlank(path(taxon, "toolComponent"), "name");
            String id = nonBlank(taxon, "id");
            if (id != null && (component != null && component.equalsIgnoreCase("CWE")
                    || id.toUpperCase(Locale.ROOT).startsWith("CWE"))) {
                String cwe = Normalise.cwe(id);
                if (cwe != null) {
                    cwes.add(cwe);
                }
            }
        }

        private static void addVectors(ObservationBuilder o, JsonObject properties) {
            if (properties == null) {
                return;
            }
            for (String key : new TreeMap<>(properties.asMap()).keySet()) {
                if (!key.toLowerCase(Locale.ROOT).contains("cvss")) {
                    continue;
                }
                String value = text(properties, key);
                if (value != null && (value.startsWith("CVSS:") || value.startsWith("AV:")
                        || value.startsWith("(AV:"))) {
                    List<String> problems = new ArrayList<>();
                    o.vector(Normalise.vector(value, null, problems));
                }
            }
        }

        private static JsonObject firstPhysical(JsonObject result) {
            List<JsonObject> locations = objects(result, "locations");
            return locations.isEmpty() ? null : object(locations.get(0), "physicalLocation");
        }

        /**
         * The first location as "uri:line", the URI relative to the run's source root when the tool wrote it absolute
         * (a checkout path differs between CI runners and must not split a finding).
         */
        private String location(JsonObject result) {
            List<JsonObject> locations = objects(result, "locations");
            if (locations.isEmpty()) {
                return "";
            }
            JsonObject first = locations.get(0);
            JsonObject physical = object(first, "physicalLocation");
            if (physical != null) {
                JsonObject artifact = object(physical, "artifactLocation");
                String uri = nonBlank(artifact, "uri");
                if (uri == null && text(artifact, "index") != null) {
                    uri = "artifacts[" + text(artifact, "index") + "]";
                }
                if (uri != null) {
                    for (String base : baseUris) {
                        if (uri.startsWith(base) && uri.length() > base.length()) {
                            uri = uri.substring(base.length());
                            break;
                        }
                    }
                    String line = text(object(physical, "region"), "startLine");
                    return line == null ? uri : uri + ":" + line;
                }
            }
            for (JsonObject logical : objects(first, "logicalLocations")) {
                for (String key : List.of("fullyQualifiedName", "decoratedName", "name")) {
                    String name = nonBlank(logical, key);
                    if (name != null) {
                        return name;
                    }
                }
            }
            return "";
        }

        private static String message(JsonObject result) {
            JsonObject message = object(result, "message");
            String text = nonBlank(message, "text");
            if (text == null) {
                text = nonBlank(message, "markdown");
            }
            if (text == null) {
                text = nonBlank(message, "id");
                return text == null ? "" : text;
            }
            List<String> arguments = texts(message, "arguments");
            for (int i = 0; i < arguments.size(); i++) {
                text = text.replace("{" + i + "}", arguments.get(i));
            }
            return text;
        }

        /**
         * The tool's own fingerprints, else its partial fingerprints: for each name the highest version
         * ("primaryLocationLineHash/v2" over ".../v1"), sorted by name, joined as "name/vN=value|...".
         */
        static String fingerprint(JsonObject result, boolean gitleaks) {
            JsonObject source = object(result, "fingerprints");
            boolean partial = source == null || source.isEmpty();
            if (partial) {
                source = object(result, "partialFingerprints");
            }
            if (source == null || source.isEmpty()) {
                return null;
            }
            Map<String, String[]> best = new TreeMap<>();
            for (String key : source.keySet()) {
                if (partial && gitleaks && COMMIT_KEYS.contains(key)) {
                    continue;
                }
                String value = text(source, key);
                if (value == null || value.isBlank()) {
                    continue;
                }
                String base = key;
                int version = 0;
                int slash = key.lastIndexOf("/v");
                if (slash > 0) {
                    try {
                        version = Integer.parseInt(key.substring(slash + 2));
                        base = key.substring(0, slash);
                    } catch (NumberFormatException e) {
                        version = 0;
                    }
                }
                String[] current = best.get(base);
                if (current == null || Integer.parseInt(current[2]) < version) {
                    best.put(base, new String[] {key, value, Integer.toString(version)});
                }
            }
            StringBuilder joined = new StringBuilder();
            for (String[] entry : best.values()) {
                if (!joined.isEmpty()) {
                    joined.append('|');
                }
                joined.append(entry[0]).append('=').append(entry[1]);
            }
            return joined.isEmpty() ? null : joined.toString();
        }

        /** The commit gitleaks found a leak in: gitleaks 8's partialFingerprints, gitleaks 7's properties. */
        private static String commit(JsonObject result) {
            String commit = nonBlank(object(result, "partialFingerprints"), "commitSha");
            return commit != null ? commit : nonBlank(object(result, "properties"), "commit");
        }

        private static void commitAttributes(JsonObject result, String commit, ObservationBuilder o) {
            if (commit == null) {
                return;
            }
            JsonObject partial = object(result, "partialFingerprints");
            JsonObject properties = object(result, "properties");
            o.attribute("commit", commit);
            for (String[] names : new String[][] {{"author", "commit.author"}, {"email", "commit.email"},
                    {"date", "commit.date"}, {"commitMessage", "commit.message"}}) {
                String value = nonBlank(partial, names[0]);
                o.attribute(names[1], value != null ? value : nonBlank(properties, names[0]));
            }
        }

        private static String firstNonBlank(String... values) {
            for (String value : values) {
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        private static void suppression(JsonObject result, ObservationBuilder o) {
            List<JsonObject> suppressions = objects(result, "suppressions");
            if (suppressions.isEmpty()) {
                return;
            }
            String state = "false";
            for (JsonObject suppression : suppressions) {
                String status = nonBlank(suppression, "status");
                if (status == null || status.equals("accepted")) {
                    state = "true";
                    o.attribute("suppression.kind", nonBlank(suppression, "kind"));
                    o.attribute("suppression.justification", nonBlank(suppression, "justification"));
                    break;
                }
                if (status.equals("underReview")) {
                    state = "underReview";
                    o.attribute("suppression.kind", nonBlank(suppression, "kind"));
                }
            }
            o.attribute("suppressed", state);
        }
    }

    private record RuleFacts(String title, String defaultLevel, String securitySeverity, String precision,
                             List<String> tags, List<String> cwes, List<String> vectors) {
        static final RuleFacts NONE = new RuleFacts(null, null, null, null, List.of(), List.of(), List.of());
    }

    /** SARIF levels: error HIGH, warning MEDIUM, note LOW, none INFO. */
    static ObservedSeverity levelSeverity(String level) {
        return switch (level) {
            case "error" -> ObservedSeverity.HIGH;
            case "warning" -> ObservedSeverity.MEDIUM;
            case "note" -> ObservedSeverity.LOW;
            case "none" -> ObservedSeverity.INFO;
            default -> ObservedSeverity.UNKNOWN;
        };
    }
}
