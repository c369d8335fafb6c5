package org.ctemcycles.report.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.validation.ValidationRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON forms of the mobilisation register's records (entries, validations, a finding's history), with the field
 * names of the evidence pack's JSON ({@code docs/evidence-pack.schema.json}) plus the cycle: enums as their names,
 * times as ISO-8601 instants, dates as ISO dates, text not yet set as null.
 */
public final class RegisterJson {

    private RegisterJson() {
    }

    /**
     * {@code cycle, finding, status, owner, deadline, changeRecord, dependency, verificationStep, trackerIssue,
     * acceptance{owner, compensatingControl, expiry, acceptedBy, acceptedAt} or null, carriedFrom, enrolledAt,
     * updatedAt, trackerIssueId, trackerStatus (to-do, in-progress, done: the issue's status category as last seen)
     * or null, trackerResolution or null, decisionNeeded (why a security lead must decide) or null}.
     */
    public static JsonObject entry(RegisterEntry e) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", e.cycleKey());
        json.addProperty("finding", e.findingKey());
        json.addProperty("status", e.status().name());
        json.addProperty("owner", orNull(e.owner()));
        json.addProperty("deadline", date(e.deadline()));
        json.addProperty("changeRecord", orNull(e.changeRecord()));
        json.addProperty("dependency", orNull(e.dependency()));
        json.addProperty("verificationStep", orNull(e.verificationStep()));
        json.addProperty("trackerIssue", orNull(e.trackerIssue()));
        json.add("acceptance", e.acceptance() == null ? null : acceptance(e.acceptance()));
        json.addProperty("carriedFrom", orNull(e.carriedFrom()));
        json.addProperty("enrolledAt", e.enrolledAt().toString());
        json.addProperty("updatedAt", e.updatedAt().toString());
        json.addProperty("trackerIssueId", orNull(e.trackerIssueId()));
        json.addProperty("trackerStatus", e.trackerState() == null ? null
                : e.trackerState().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        json.addProperty("trackerResolution", e.trackerState() == null ? null : orNull(e.trackerState().resolution()));
        json.addProperty("decisionNeeded", orNull(e.decisionNeeded()));
        return json;
    }

    private static JsonObject acceptance(RiskAcceptance a) {
        JsonObject json = new JsonObject();
        json.addProperty("owner", a.owner());
        json.addProperty("compensatingControl", a.compensatingControl());
        json.addProperty("expiry", a.expiry().toString());
        json.addProperty("acceptedBy", a.acceptedBy());
        json.addProperty("acceptedAt", a.acceptedAt().toString());
        return json;
    }

    /**
     * {@code cycle, finding, method, outcome, notes, evidenceRefs[], validatedBy, validatedAt, statusBefore,
     * statusAfter}.
     */
    public static JsonObject validation(ValidationRecord v) {
        JsonObject json = new JsonObject();
        json.addProperty("cycle", v.cycleKey());
        json.addProperty("finding", v.findingKey());
        json.addProperty("method", v.method().name());
        json.addProperty("outcome", v.outcome().name());
        json.addProperty("notes", v.notes());
        json.add("evidenceRefs", strings(v.evidenceRefs()));
        json.addProperty("validatedBy", v.validatedBy());
        json.addProperty("validatedAt", v.validatedAt().toString());
        json.addProperty("statusBefore", v.statusBefore().name());
        json.addProperty("statusAfter", v.statusAfter().name());
        return json;
    }

    /** {@code finding, entries[] (as entry, the oldest first), log[] (as LogJson.entry, the oldest first)}. */
    public static JsonObject history(String findingKey, List<RegisterEntry> entries, List<LogEntry> log) {
        JsonObject json = new JsonObject();
        json.addProperty("finding", findingKey);
        JsonArray entryArray = new JsonArray();
        entries.forEach(e -> entryArray.add(entry(e)));
        json.add("entries", entryArray);
        JsonArray logArray = new JsonArray();
        log.forEach(e -> logArray.add(LogJson.entry(e)));
        json.add("log", logArray);
        return json;
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
