package org.ctemcycles.ingest.cyclonedx;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.ctemcycles.ingest.Heads;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importer;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.support.Emitter;
import org.ctemcycles.ingest.support.JsonSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import static org.ctemcycles.ingest.support.JsonValues.nonBlank;
import static org.ctemcycles.ingest.support.JsonValues.object;
import static org.ctemcycles.ingest.support.JsonValues.objects;
import static org.ctemcycles.ingest.support.JsonValues.texts;

/** Reads CycloneDX 1.4-1.6 JSON BOMs and VEX documents, one vulnerability at a time; see the package documentation. */
public final class CycloneDxJsonImporter implements Importer {

    @Override
    public String format() {
        return "cyclonedx-json";
    }

    @Override
    public boolean accepts(byte[] head) {
        String text = Heads.text(head);
        if (Heads.firstSignificant(text) != '{') {
            return false;
        }
        return text.matches("(?s).*\"bomFormat\"\\s*:\\s*\"CycloneDX\".*")
                || Heads.hasKey(text, "specVersion") && text.contains("cyclonedx.org/schema");
    }

    @Override
    public void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException {
        Emitter emitter = new Emitter(sink, limits);
        CycloneDxMapping mapping = new CycloneDxMapping(emitter);
        JsonSource json = null;
        try {
            json = JsonSource.open(report, limits);
            JsonReader reader = json.reader();
            json.expect(JsonToken.BEGIN_OBJECT, "a CycloneDX BOM (a JSON object)");
            reader.beginObject();
            String bomFormat = null;
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (name) {
                    case "bomFormat" -> {
                        bomFormat = json.nextText();
                        if (!"CycloneDX".equals(bomFormat)) {
                            throw new ImportException(json.where() + ": bomFormat is '" + bomFormat
                                    + "', not 'CycloneDX'");
                        }
                    }
                    case "specVersion" -> mapping.specVersion(json.nextText(), json.where(), false);
                    case "metadata" -> metadata(json.readTree(Set.of()), mapping);
                    case "components" -> components(json, mapping);
                    case "vulnerabilities" -> {
                        if (!json.beginArrayOrNull("the vulnerabilities array")) {
                            continue;
                        }
                        while (reader.hasNext()) {
                            String where = json.where();
                            JsonElement element = json.readTree(Set.of("advisories", "credits", "tools",
                                    "proofOfConcept", "properties"));
                            if (!element.isJsonObject()) {
                                throw new ImportException(where + ": a vulnerability is not a JSON object");
                            }
                            mapping.vulnerability(vulnerability(element.getAsJsonObject()), where);
                        }
                        reader.endArray();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            json.expectEnd();
            if (bomFormat == null) {
                // required by the CycloneDX schema; without it this is some other JSON document
                throw new ImportException(json.where() + ": not a CycloneDX BOM: it has no bomFormat");
            }
            emitter.finish();
        } catch (IOException | RuntimeException e) {
            throw json == null ? new ImportException(e.getMessage(), e) : json.failure(e);
        }
    }

    private static void metadata(JsonElement element, CycloneDxMapping mapping) {
        if (!element.isJsonObject()) {
            return;
        }
        JsonObject metadata = element.getAsJsonObject();
        JsonElement tools = metadata.get("tools");
        if (tools != null && tools.isJsonArray()) {
            for (JsonElement tool : tools.getAsJsonArray()) {
                if (tool.isJsonObject()) {
                    mapping.tool(nonBlank(tool.getAsJsonObject(), "name"), nonBlank(tool.getAsJsonObject(), "version"));
                }
            }
        } else if (tools != null && tools.isJsonObject()) {
            for (JsonObject tool : objects(tools.getAsJsonObject(), "components")) {
                mapping.tool(nonBlank(tool, "name"), nonBlank(tool, "version"));
            }
            for (JsonObject tool : objects(tools.getAsJsonObject(), "services")) {
                mapping.tool(nonBlank(tool, "name"), nonBlank(tool, "version"));
            }
        }
        JsonObject component = object(metadata, "component");
        if (component != null) {
            mapping.subject(nonBlank(component, "type"), nonBlank(component, "name"), nonBlank(component, "version"),
                    nonBlank(component, "purl"));
            register(component, mapping);
        }
    }

    private static void components(JsonSource json, CycloneDxMapping mapping) throws IOException, ImportException {
        JsonReader reader = json.reader();
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            reader.skipValue();
            return;
        }
        reader.beginArray();
        while (reader.hasNext()) {
            JsonElement component = json.readTree(Set.of("licenses", "hashes", "externalReferences", "properties",
                    "evidence", "pedigree"));
            if (component.isJsonObject()) {
                register(component.getAsJsonObject(), mapping);
            }
        }
        reader.endArray();
    }

    /** Registers a component and the components nested in it, in document order, with a stack (no recursion). */
    private static void register(JsonObject top, CycloneDxMapping mapping) {
        Deque<JsonObject> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            JsonObject component = pending.pop();
            mapping.component(nonBlank(component, "bom-ref"), nonBlank(component, "name"),
                    nonBlank(component, "version"), nonBlank(component, "purl"));
            List<JsonObject> nested = objects(component, "components");
            for (int i = nested.size() - 1; i >= 0; i--) {
                pending.push(nested.get(i));
            }
        }
    }

    private static CycloneDxVulnerability vulnerability(JsonObject v) {
        List<String> references = new ArrayList<>();
        for (JsonObject reference : objects(v, "references")) {
            String id = nonBlank(reference, "id");
            if (id != null) {
                references.add(id);
            }
        }
        List<CycloneDxVulnerability.Rating> ratings = new ArrayList<>();
        for (JsonObject rating : objects(v, "ratings")) {
            ratings.add(new CycloneDxVulnerability.Rating(nonBlank(rating, "method"), nonBlank(rating, "score"),
                    nonBlank(rating, "severity"), nonBlank(rating, "vector"),
                    nonBlank(object(rating, "source"), "name")));
        }
        JsonObject analysis = object(v, "analysis");
        CycloneDxVulnerability.Analysis vex = analysis == null ? null : new CycloneDxVulnerability.Analysis(
                nonBlank(analysis, "state"), nonBlank(analysis, "justification"), texts(analysis, "response"),
                nonBlank(analysis, "detail"));
        List<CycloneDxVulnerability.Affect> affects = new ArrayList<>();
        for (JsonObject affect : objects(v, "affects")) {
            List<String> statuses = new ArrayList<>();
            for (JsonObject version : objects(affect, "versions")) {
                String status = nonBlank(version, "status");
                String label = nonBlank(version, "version");
                label = label != null ? label : nonBlank(version, "range");
                if (status != null) {
                    statuses.add(label == null ? status : label + ":" + status);
                }
            }
            affects.add(new CycloneDxVulnerability.Affect(nonBlank(affect, "ref"), statuses));
        }
        return new CycloneDxVulnerability(nonBlank(v, "id"), nonBlank(v, "bom-ref"),
                nonBlank(object(v, "source"), "name"), references, ratings, texts(v, "cwes"),
                nonBlank(v, "description"), nonBlank(v, "detail"), nonBlank(v, "recommendation"),
                nonBlank(v, "published"), nonBlank(v, "updated"), vex, affects, List.of());
    }
}
