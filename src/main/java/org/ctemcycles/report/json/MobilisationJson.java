package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.mobilisation.MobilisationRun;
import org.ctemcycles.core.mobilisation.ReconciliationReport;
import org.ctemcycles.core.mobilisation.RunItem;

/**
 * The JSON of mobilisation runs, their items and reconciliation reports (the REST API's): enums as lower-case words
 * with hyphens, times as ISO-8601 instants.
 */
public final class MobilisationJson {

    private MobilisationJson() {
    }

    /**
     * {@code id, cycle, state (queued, running, finished), total, pending, mobilised, failed, owner, deadline,
     * changeRecord, dependency, verificationStep, requestedBy, createdAt, updatedAt}.
     */
    public static JsonObject run(MobilisationRun run) {
        JsonObject json = new JsonObject();
        json.addProperty("id", run.id());
        json.addProperty("cycle", run.cycleKey());
        json.addProperty("state", word(run.state().name()));
        json.addProperty("total", run.total());
        json.addProperty("pending", run.pending());
        json.addProperty("mobilised", run.mobilised());
        json.addProperty("failed", run.failed());
        json.addProperty("owner", run.draft().owner());
        json.addProperty("deadline", run.draft().deadline());
        json.addProperty("changeRecord", run.draft().changeRecord());
        json.addProperty("dependency", run.draft().dependency());
        json.addProperty("verificationStep", run.draft().verificationStep());
        json.addProperty("requestedBy", run.requestedBy());
        json.addProperty("createdAt", run.createdAt().toString());
        json.addProperty("updatedAt", run.updatedAt().toString());
        return json;
    }

    /**
     * {@code position, finding, outcome (pending, opened, updated, unchanged, failed), issue (key or null),
     * problems[{field, message}]}.
     */
    public static JsonObject item(RunItem item) {
        JsonObject json = new JsonObject();
        json.addProperty("position", item.position());
        json.addProperty("finding", item.findingKey());
        json.addProperty("outcome", word(item.outcome().name()));
        json.addProperty("issue", item.issueKey().isEmpty() ? null : item.issueKey());
        json.add("problems", problems(item));
        return json;
    }

    /** {@code cycle, checked, repaired, at, repairs[{finding, issue, kind, detail}]}. */
    public static JsonObject reconciliation(ReconciliationReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", report.cycleKey());
        json.addProperty("checked", report.checked());
        json.addProperty("repaired", report.repairs().size());
        json.addProperty("at", report.at().toString());
        JsonArray repairs = new JsonArray();
        for (ReconciliationReport.Repair repair : report.repairs()) {
            JsonObject one = new JsonObject();
            one.addProperty("finding", repair.findingKey());
            one.addProperty("issue", repair.issueKey());
            one.addProperty("kind", word(repair.kind().name()));
            one.addProperty("detail", repair.detail());
            repairs.add(one);
        }
        json.add("repairs", repairs);
        return json;
    }

    private static JsonArray problems(RunItem item) {
        JsonArray problems = new JsonArray();
        for (Problem problem : item.problems()) {
            JsonObject one = new JsonObject();
            one.addProperty("field", problem.field());
            one.addProperty("message", problem.message());
            problems.add(one);
        }
        return problems;
    }

    private static String word(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
