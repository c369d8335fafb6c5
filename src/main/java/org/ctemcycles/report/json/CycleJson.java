package org.ctemcycles.report.json;

import com.google.gson.JsonObject;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;

/**
 * The JSON form of a cycle, one flat object with stable field names, shared by the REST API and the `ctem` command:
 * {@code key, name, objective, stage, start, plannedEnd, checkpointIntervalDays, createdAt, createdBy,
 * successCriteria, predecessor, successor, version, projectKey}.
 */
public final class CycleJson {

    private CycleJson() {
    }

    public static JsonObject toJson(Cycle cycle) {
        JsonObject json = new JsonObject();
        json.addProperty("key", cycle.key());
        json.addProperty("name", cycle.name());
        json.addProperty("objective", cycle.objective());
        json.addProperty("stage", cycle.stage().name());
        json.addProperty("start", cycle.cadence().start().toString());
        json.addProperty("plannedEnd", cycle.cadence().plannedEnd().toString());
        json.addProperty("checkpointIntervalDays", cycle.cadence().checkpointIntervalDays());
        json.addProperty("createdAt", cycle.createdAt().toString());
        json.addProperty("createdBy", cycle.createdBy());
        json.addProperty("successCriteria", cycle.successCriteria());
        json.addProperty("predecessor", cycle.predecessorKey());
        json.addProperty("successor", cycle.successorKey());
        json.addProperty("version", cycle.version());
        json.addProperty("projectKey", cycle.projectKey());
        return json;
    }

    /**
     * What scoping records about a cycle besides its surfaces: {@code cycle, stage, objective, successCriteria,
     * start, plannedEnd, checkpointIntervalDays, editable (still in Scoping, the only stage it may change in),
     * version}.
     */
    public static JsonObject scope(Cycle cycle) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", cycle.key());
        json.addProperty("stage", cycle.stage().name());
        json.addProperty("objective", cycle.objective());
        json.addProperty("successCriteria", cycle.successCriteria());
        json.addProperty("start", cycle.cadence().start().toString());
        json.addProperty("plannedEnd", cycle.cadence().plannedEnd().toString());
        json.addProperty("checkpointIntervalDays", cycle.cadence().checkpointIntervalDays());
        json.addProperty("editable", cycle.stage() == Stage.SCOPING);
        json.addProperty("version", cycle.version());
        return json;
    }
}
