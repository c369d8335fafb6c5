package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.VexAnalysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of an observation, every field with a stable name (those of {@link Observation}); the asset is
 * {@code {"kind","value"}}, the VEX analysis {@code {"state","justification","response","detail"}} or null, and the
 * attributes an object sorted by name. Absent texts are "" and an absent fingerprint or deployment is null.
 */
public final class ObservationJson {

    private ObservationJson() {
    }

    public static JsonObject toJson(Observation o) {
        JsonObject json = new JsonObject();
        json.addProperty("sourceKind", o.sourceKind().name());
        json.addProperty("tool", o.tool());
        json.addProperty("toolVersion", o.toolVersion());
        json.addProperty("ruleId", o.ruleId());
        json.addProperty("fingerprint", o.fingerprint());
        json.addProperty("deployment", o.deployment());
        json.addProperty("title", o.title());
        json.addProperty("reportedSeverity", o.reportedSeverity());
        json.addProperty("severity", o.severity().name());
        json.add("cves", array(o.cves()));
        json.add("cwes", array(o.cwes()));
        json.add("cvssVectors", array(o.cvssVectors()));
        JsonObject asset = new JsonObject();
        asset.addProperty("kind", o.asset().kind().name());
        asset.addProperty("value", o.asset().value());
        json.add("asset", asset);
        json.addProperty("location", o.location());
        json.addProperty("evidence", o.evidence());
        JsonObject attributes = new JsonObject();
        for (Map.Entry<String, String> attribute : new TreeMap<>(o.attributes()).entrySet()) {
            attributes.addProperty(attribute.getKey(), attribute.getValue());
        }
        json.add("attributes", attributes);
        VexAnalysis vex = o.vex();
        if (vex == null) {
            json.add("vex", JsonNull.INSTANCE);
        } else {
            JsonObject analysis = new JsonObject();
            analysis.addProperty("state", vex.state());
            analysis.addProperty("justification", vex.justification());
            analysis.addProperty("response", vex.response());
            analysis.addProperty("detail", vex.detail());
            json.add("vex", analysis);
        }
        return json;
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
