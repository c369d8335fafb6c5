package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.Handover;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.cadence.StageTransition;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.scope.Surface;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.ctemcycles.report.json.RegisterJson.date;
import static org.ctemcycles.report.json.RegisterJson.orNull;
import static org.ctemcycles.report.json.RegisterJson.strings;

/**
 * The JSON forms of how a cycle moves (stage gates and transitions, checkpoints and their metrics, closure, the
 * cadence record, handover), with the field names of the evidence pack's JSON where it has the same record: enums
 * as their names, dates as ISO dates, times as ISO-8601 instants.
 */
public final class CadenceJson {

    private CadenceJson() {
    }

    /** {@code cycle, stage, next (null when closed), unmet[] (the next gate's unmet entry criteria), met}. */
    public static JsonObject gate(Cycle cycle, List<String> unmet) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", cycle.key());
        json.addProperty("stage", cycle.stage().name());
        json.addProperty("next", cycle.stage().next().map(Enum::name).orElse(null));
        json.add("unmet", strings(unmet));
        json.addProperty("met", cycle.stage().next().isPresent() && unmet.isEmpty());
        return json;
    }

    /** {@code cycle{...}, from, to, overridden, overriddenCriteria[], overrideReason (null unless overridden)}. */
    public static JsonObject transition(StageTransition t) {
        JsonObject json = new JsonObject();
        json.add("cycle", CycleJson.toJson(t.cycle()));
        json.addProperty("from", t.from().name());
        json.addProperty("to", t.cycle().stage().name());
        json.addProperty("overridden", t.overridden());
        json.add("overriddenCriteria", strings(t.overriddenCriteria()));
        json.addProperty("overrideReason", orNull(t.overrideReason()));
        return json;
    }

    /** {@code cycle, heldOn, plannedFor (null: unplanned), recordedAt, recordedBy, notes, metrics{...}}. */
    public static JsonObject checkpoint(Checkpoint c) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", c.cycleKey());
        json.addProperty("heldOn", c.heldOn().toString());
        json.addProperty("plannedFor", date(c.plannedFor()));
        json.addProperty("recordedAt", c.recordedAt().toString());
        json.addProperty("recordedBy", c.recordedBy());
        json.addProperty("notes", c.notes());
        json.add("metrics", metrics(c.metrics()));
        return json;
    }

    /**
     * {@code cycle, planned[{date, status, heldOn}], held[checkpoint], missed[dates], metrics{...}}: the metrics are
     * the cycle's as they are now.
     */
    public static JsonObject schedule(CheckpointSchedule schedule, MetricsSnapshot now) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", schedule.cycleKey());
        json.add("planned", planned(schedule.planned()));
        JsonArray held = new JsonArray();
        schedule.held().forEach(c -> held.add(checkpoint(c)));
        json.add("held", held);
        json.add("missed", strings(schedule.missed().stream().map(p -> p.date().toString()).toList()));
        json.add("metrics", metrics(now));
        return json;
    }

    /**
     * {@code byStage{discovered, prioritised, validated, mobilised, closed}, byTier{TIER: n}, byStatus{STATUS: n},
     * slaBreaches, surfacesInScope, surfacesCovered}; counts of zero are left out of the maps.
     */
    public static JsonObject metrics(MetricsSnapshot m) {
        JsonObject json = new JsonObject();
        json.add("byStage", counts(m.byStage()));
        json.add("byTier", counts(m.byTier()));
        JsonObject byStatus = new JsonObject();
        for (FindingStatus status : FindingStatus.values()) {
            if (m.status(status) > 0) {
                byStatus.addProperty(status.name(), m.status(status));
            }
        }
        json.add("byStatus", byStatus);
        json.addProperty("slaBreaches", m.slaBreaches());
        json.addProperty("surfacesInScope", m.surfacesInScope());
        json.addProperty("surfacesCovered", m.surfacesCovered());
        return json;
    }

    /**
     * {@code cycle, closedAt, closedBy, delivered[], falsePositives[], carriedOver[], riskAccepted, surfaceChanges[],
     * nextScope[], metrics{...}} (finding keys and surface keys).
     */
    public static JsonObject closure(ClosureSummary c) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", c.cycleKey());
        json.addProperty("closedAt", c.closedAt().toString());
        json.addProperty("closedBy", c.closedBy());
        json.add("delivered", strings(c.delivered()));
        json.add("falsePositives", strings(c.falsePositives()));
        json.add("carriedOver", strings(c.carriedOver()));
        json.addProperty("riskAccepted", c.riskAccepted());
        json.add("surfaceChanges", strings(c.surfaceChanges()));
        json.add("nextScope", strings(c.nextScope()));
        json.add("metrics", metrics(c.metrics()));
        return json;
    }

    /** {@link #closure(ClosureSummary)} with {@code recommended[]}: the recommended next-cycle scope and what was taken. */
    public static JsonObject closure(ClosureSummary c, List<RecommendedItem> recommended) {
        JsonObject json = closure(c);
        json.add("recommended", RecommendationJson.items(recommended));
        return json;
    }

    /**
     * {@code cycle, start, plannedEnd, planned[{date, status, heldOn}], actual[dates], closedOn, nextCycle,
     * nextScope[]} (closedOn and nextCycle null while the cycle runs).
     */
    public static JsonObject cadence(CadenceRecord c) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", c.cycleKey());
        json.addProperty("start", c.start().toString());
        json.addProperty("plannedEnd", c.plannedEnd().toString());
        json.add("planned", planned(c.planned()));
        json.add("actual", strings(c.actual().stream().map(Object::toString).toList()));
        json.addProperty("closedOn", date(c.closedOn()));
        json.addProperty("nextCycle", orNull(c.nextCycleKey()));
        json.add("nextScope", strings(c.nextScope()));
        return json;
    }

    /**
     * {@code from, next{cycle}, inherited (how many findings the next cycle's register took over), carriedScope[]
     * (surface keys), taken[] (the recommended items it took, {@link RecommendationJson#item})}; the inherited
     * entries are the next cycle's register.
     */
    public static JsonObject handover(Handover h) {
        JsonObject json = new JsonObject();
        json.addProperty("from", h.fromCycleKey());
        json.add("next", CycleJson.toJson(h.next()));
        json.addProperty("inherited", h.inherited().size());
        json.add("carriedScope", strings(h.carriedScope().stream().map(Surface::key).toList()));
        json.add("taken", RecommendationJson.items(h.taken()));
        return json;
    }

    private static JsonArray planned(List<PlannedCheckpoint> planned) {
        JsonArray array = new JsonArray();
        for (PlannedCheckpoint p : planned) {
            JsonObject json = new JsonObject();
            json.addProperty("date", p.date().toString());
            json.addProperty("status", p.status().name());
            json.addProperty("heldOn", date(p.heldOn()));
            array.add(json);
        }
        return array;
    }

    private static JsonObject counts(Map<String, Integer> counts) {
        JsonObject json = new JsonObject();
        new TreeMap<>(counts).forEach(json::addProperty);
        return json;
    }
}
