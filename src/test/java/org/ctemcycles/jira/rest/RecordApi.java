package org.ctemcycles.jira.rest;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;

/**
 * What the tests of the cycle record's resources share: a cycle CTEM-1 of Jira project SEC set up through the API
 * (scanner reports go in through the one import path, whose upload resource is tested elsewhere), pages read to the
 * end, and who may do what: the lead runs the cycle, the auditor reads everything, the engineer (who browses SEC)
 * reads the work but not the evidence, the outsider does not see the cycle, and anonymous callers are asked to log in.
 */
final class RecordApi {

    static final String KEY = "CTEM-1";
    static final String BASE = "/cycles/" + KEY;
    /** The lead's user key, the actor of what the lead does. */
    static final String LEAD_KEY = "JIRAUSER10100";

    private final RestHarness api;

    RecordApi(RestHarness api) {
        this.api = api;
    }

    /** Opens CTEM-1 in project SEC: 2026-07-01 to 2026-09-30, a checkpoint every 14 days. */
    RecordApi open() {
        ok(201, api.post("lead", "/cycles", """
                {"key":"CTEM-1","name":"Q3 payments","objective":"Cut KEV exposure","start":"2026-07-01",
                 "plannedEnd":"2026-09-30","checkpointIntervalDays":14,"projectKey":"SEC"}"""));
        return this;
    }

    /** Opens CTEM-1 with success criteria and a complete surface WEB (host:*.corp.example): the Discovery gate is met. */
    RecordApi scoped() {
        open();
        ok(200, api.put("lead", BASE + "/scope", "{\"successCriteria\":\"No KEV older than 14 days on WEB\"}"));
        ok(201, api.post("lead", BASE + "/surfaces", """
                {"key":"WEB","name":"Web tier","kind":"customer-facing system","businessOwner":"alice",
                 "criticality":"critical","exposure":"internet-facing","successCriterion":"No exploitable KEV",
                 "rules":["host:*.corp.example"]}"""));
        return this;
    }

    /**
     * Imports the observations as one report covering WEB; answers the keys of the cycle's register afterwards, in
     * the order the findings entered it.
     */
    List<String> imported(String file, Observation... observations) {
        StringBuilder report = new StringBuilder("{\"file\":\"" + file + "\",\"format\":\"nessus\"}\n");
        Gson gson = new Gson();
        for (Observation observation : observations) {
            report.append(gson.toJson(observation)).append('\n');
        }
        try {
            api.services().record().imports(ImportLimits.defaults()).read(file,
                    new ByteArrayInputStream(report.toString().getBytes(StandardCharsets.UTF_8)),
                    new ReportImport.Options(KEY, null, null, List.of("WEB"), null, "ctem-jsonl", LEAD_KEY));
        } catch (ImportException e) {
            throw new AssertionError(e);
        }
        List<String> keys = new ArrayList<>();
        api.services().record().pages().register(KEY).forEach(entry -> keys.add(entry.findingKey()));
        return keys;
    }

    /** Moves CTEM-1 on to {@code stage}, overriding gates with a reason. */
    void advanceTo(String stage) {
        while (!api.get("lead", BASE + "/stage").json().getAsJsonObject().get("stage").getAsString().equals(stage)) {
            ok(200, api.post("lead", BASE + "/stage", "{\"override\":{\"reason\":\"set up by the test\"}}"));
        }
    }

    /** How many entries the cycle's activity log holds. */
    int logSize() {
        return api.services().record().log().chain(KEY).size();
    }

    /** Every item of a paged list, read {@code limit} at a time; the pages' count is checked. */
    List<JsonObject> all(String path, int limit, int expectedPages) {
        List<JsonObject> items = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String separator = path.contains("?") ? "&" : "?";
            Reply reply = api.get("lead", path + separator + "limit=" + limit
                    + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            ok(200, reply);
            JsonObject page = reply.json().getAsJsonObject();
            page.getAsJsonArray("items").forEach(item -> items.add(item.getAsJsonObject()));
            next = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
            pages++;
        } while (next != null);
        assertEquals(path + ": pages", expectedPages, pages);
        return items;
    }

    static List<String> texts(List<JsonObject> items, String field) {
        return items.stream().map(o -> o.get(field).getAsString()).toList();
    }

    static List<String> texts(JsonArray array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.getAsString()));
        return texts;
    }

    /** The fields the error answer names, in order. */
    static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        return fields;
    }

    static JsonObject ok(int status, Reply reply) {
        assertEquals(reply.toString(), status, reply.status());
        JsonElement json = reply.json();
        return json.isJsonObject() ? json.getAsJsonObject() : null;
    }

    /** An answer refused with this status and error code. */
    static void refused(int status, String code, Reply reply) {
        assertEquals(reply.toString(), status, reply.status());
        assertEquals(reply.toString(), code, reply.code());
    }

    /**
     * Asserts who may read {@code path}: the lead always; the auditor and the engineer as given (200 or 403); the
     * outsider never learns the cycle exists (404); anonymous callers are asked to log in (401).
     */
    void assertReadableBy(String path, int auditor, int engineer) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("lead", 200);
        expected.put("admin", 200);
        expected.put("auditor", auditor);
        expected.put("engineer", engineer);
        expected.put("outsider", 404);
        expected.put(null, 401);
        expected.forEach((user, status) -> {
            Reply reply = api.get(user, path);
            assertEquals(user + " GET " + path + ": " + reply, (int) status, reply.status());
            if (status != 200) {
                assertEquals(reply.toString(), status == 401 ? "not-logged-in" : status == 403 ? "forbidden"
                        : "not-found", reply.code());
            }
        });
    }

    /** Work: everyone with a role in the cycle reads it. */
    void assertWorkReadable(String path) {
        assertReadableBy(path, 200, 200);
    }

    /** Evidence: the engineer may see the cycle but not read its evidence. */
    void assertEvidenceReadable(String path) {
        assertReadableBy(path, 200, 403);
    }

    /**
     * Asserts that only those who run the cycle may make this change: the auditor and the engineer get 403, the
     * outsider 404, anonymous callers 401, and nothing of a refused request reaches the record (its log).
     */
    void assertOnlyLeadsChange(String what, Function<String, Reply> request) {
        int before = logSize();
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("auditor", 403);
        expected.put("engineer", 403);
        expected.put("outsider", 404);
        expected.put(null, 401);
        expected.forEach((user, status) -> {
            Reply reply = request.apply(user);
            assertEquals(user + " " + what + ": " + reply, (int) status, reply.status());
        });
        assertEquals("nothing of a refused request is logged", before, logSize());
    }
}
