package org.ctemcycles.report.json;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.ctemcycles.core.scoring.cvss.CvssScores;
import org.ctemcycles.core.scoring.cvss.CvssVersion;

import java.math.BigDecimal;

/**
 * The JSON line {@code ctem score} prints per vector: {@code {"vector","version","base","temporal","environmental",
 * "severity"}} for v2 and v3.x (temporal/environmental null when a v2 vector has none),
 * {@code {"vector","version","score","nomenclature","severity"}} for v4.0, {@code {"vector","error"}} for an invalid
 * one. Scores are JSON numbers with one decimal.
 */
public final class CvssScoreJson {

    private CvssScoreJson() {
    }

    public static JsonObject scored(String vector, CvssScores scores) {
        JsonObject json = new JsonObject();
        json.addProperty("vector", vector);
        json.addProperty("version", scores.version().number());
        if (scores.version() == CvssVersion.V4_0) {
            json.addProperty("score", scores.score());
            json.addProperty("nomenclature", scores.nomenclature().label());
        } else {
            json.addProperty("base", scores.base());
            number(json, "temporal", scores.temporal());
            number(json, "environmental", scores.environmental());
        }
        json.addProperty("severity", scores.severity().label());
        return json;
    }

    public static JsonObject invalid(String vector, String error) {
        JsonObject json = new JsonObject();
        json.addProperty("vector", vector);
        json.addProperty("error", error);
        return json;
    }

    private static void number(JsonObject json, String name, BigDecimal value) {
        if (value == null) {
            json.add(name, JsonNull.INSTANCE);
        } else {
            json.addProperty(name, value);
        }
    }
}
