package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.cadence.RecommendedItem;

import java.util.List;
import java.util.TreeMap;

/** The JSON form of a closed cycle's recommended next-cycle scope. */
public final class RecommendationJson {

    private RecommendationJson() {
    }

    /** {@code cycle, items[]} ({@link #item}). */
    public static JsonObject recommendation(String cycleKey, List<RecommendedItem> items) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", cycleKey);
        json.add("items", items(items));
        return json;
    }

    public static JsonArray items(List<RecommendedItem> items) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(item(item)));
        return array;
    }

    /**
     * {@code number, kind (RESIDUAL_QUEUE, OBJECTIVE_NOT_MET, NEVER_COVERED, STALE_COVERAGE, CANDIDATE_ASSET), subject
     * (a surface key, the cycle's key, or a candidate's scope rule), reason, numbers{name: count}, takenInto, takenBy,
     * takenAt} (the last three null while not taken).
     */
    public static JsonObject item(RecommendedItem item) {
        JsonObject json = new JsonObject();
        json.addProperty("number", item.number());
        json.addProperty("kind", item.kind().name());
        json.addProperty("subject", item.subject());
        json.addProperty("reason", item.reason());
        JsonObject numbers = new JsonObject();
        new TreeMap<>(item.numbers()).forEach(numbers::addProperty);
        json.add("numbers", numbers);
        json.addProperty("takenInto", item.taken() ? item.takenInto() : null);
        json.addProperty("takenBy", item.taken() ? item.takenBy() : null);
        json.addProperty("takenAt", item.takenAt() == null ? null : item.takenAt().toString());
        return json;
    }
}
