package org.ctemcycles.jira.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.store.CycleEntity;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Rule;
import org.junit.Test;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code /cycles} over real HTTP: who may open, see and move cycles, strict bodies, paging, the error shape. */
public class CycleResourceTest {

    private static final String VALID = """
            {"key":"CTEM-2026-Q3","name":"Q3 payments","objective":"Cut KEV exposure",
             "start":"2026-07-01","plannedEnd":"2026-09-30","checkpointIntervalDays":14,"projectKey":"SEC"}""";

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(),
            Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));

    private int storedCycles() {
        return api.database().database().activeObjects().count(CycleEntity.class);
    }

    private static String cycle(String key, String project) {
        return "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"start\":\"2026-07-01\","
                + "\"plannedEnd\":\"2026-09-30\"" + (project == null ? "" : ",\"projectKey\":\"" + project + "\"")
                + "}";
    }

    @Test
    public void aSecurityLeadOpensACycleInAProjectAndReadsItBack() {
        Reply created = api.post("lead", "/cycles", VALID);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.location(), created.location().endsWith("/rest/ctem/1.0/cycles/CTEM-2026-Q3"));
        JsonObject cycle = created.json().getAsJsonObject();
        assertEquals("SCOPING", cycle.get("stage").getAsString());
        assertEquals("SEC", cycle.get("projectKey").getAsString());
        assertEquals(api.jira.lead.getKey(), cycle.get("createdBy").getAsString());

        Reply shown = api.get("lead", "/cycles/ctem-2026-q3");
        assertEquals(200, shown.status());
        assertEquals("Q3 payments", shown.json().getAsJsonObject().get("name").getAsString());
        JsonArray listed = api.get("lead", "/cycles").json().getAsJsonObject().getAsJsonArray("items");
        assertEquals(1, listed.size());
    }

    @Test
    public void anonymousCallersAreAskedToLogInBeforeAnythingIsRead() {
        for (Reply reply : List.of(api.get(null, "/cycles"), api.get(null, "/cycles/NOPE"),
                api.post(null, "/cycles", VALID))) {
            assertEquals(reply.toString(), 401, reply.status());
            assertEquals("not-logged-in", reply.code());
        }
        assertEquals(0, storedCycles());
    }

    @Test
    public void onlyLeadsOpenCyclesAndNothingOfARefusedRequestIsStored() {
        for (String user : List.of("engineer", "auditor", "outsider", "project-lead")) {
            Reply refused = api.post(user, "/cycles", VALID);
            assertEquals(user + ": " + refused, 403, refused.status());
            assertEquals("forbidden", refused.code());
        }
        assertEquals(0, storedCycles());
        assertEquals(201, api.post("admin", "/cycles", VALID).status());
    }

    @Test
    public void aProjectRoleMakesLeadsOfThatProjectOnly() {
        new CtemSettings(api.jira.settingsFactory).setSecurityLeadRole(FakeJira.LEAD_ROLE);
        assertEquals(201, api.post("project-lead", "/cycles", cycle("SEC-1", "SEC")).status());
        Reply elsewhere = api.post("project-lead", "/cycles", cycle("OPS-1", "OPS"));
        assertEquals(elsewhere.toString(), 403, elsewhere.status());
        Reply noProject = api.post("project-lead", "/cycles", cycle("NONE-1", null));
        assertEquals(noProject.toString(), 403, noProject.status());
        assertEquals(1, storedCycles());
    }

    @Test
    public void engineersSeeTheCyclesOfProjectsTheyBrowseAndNoOthers() {
        api.post("lead", "/cycles", cycle("SEC-1", "SEC"));
        api.post("lead", "/cycles", cycle("OPS-1", "OPS"));
        api.post("lead", "/cycles", cycle("NONE-1", null));
        assertEquals(List.of("SEC-1"), keys(api.get("engineer", "/cycles")));
        assertEquals(200, api.get("engineer", "/cycles/SEC-1").status());
        Reply hidden = api.get("engineer", "/cycles/OPS-1");
        assertEquals(404, hidden.status());
        // the same answer as for a cycle that does not exist: whether it does is not disclosed
        Reply missing = api.get("engineer", "/cycles/NO-SUCH");
        assertEquals(404, missing.status());
        assertEquals(hidden.json().getAsJsonObject().get("message").getAsString().replace("OPS-1", "X"),
                missing.json().getAsJsonObject().get("message").getAsString().replace("NO-SUCH", "X"));
        assertEquals(List.of(), keys(api.get("outsider", "/cycles")));
        assertEquals(3, keys(api.get("auditor", "/cycles")).size());
        assertEquals(List.of("SEC-1"), keys(api.get("auditor", "/cycles?project=SEC")));
    }

    @Test
    public void aBadBodyIsRefusedNamingEveryFieldAndNothingIsStored() {
        Reply reply = api.post("lead", "/cycles", """
                {"key":"x","name":"","start":"2026-13-01","plannedEnd":"2026-09-30","colour":"red",
                 "projectKey":"NOPE"}""");
        assertEquals(400, reply.status());
        JsonObject error = reply.json().getAsJsonObject();
        assertEquals("invalid-input", error.get("code").getAsString());
        assertEquals("colour", error.get("field").getAsString());
        assertTrue(error.toString(), error.get("message").getAsString().contains("colour"));

        Reply unknownProject = api.post("lead", "/cycles", cycle("SEC-1", "NOPE"));
        assertEquals(400, unknownProject.status());
        assertEquals("projectKey", unknownProject.json().getAsJsonObject().get("field").getAsString());

        Reply invalid = api.post("lead", "/cycles", cycle("x", "SEC").replace("\"x\"", "\"1x\"")
                .replace("2026-07-01", "2026-13-01"));
        List<String> fields = new ArrayList<>();
        invalid.json().getAsJsonObject().getAsJsonArray("errors")
                .forEach(e -> fields.add(e.getAsJsonObject().get("field").getAsString()));
        assertEquals(List.of("key", "start"), fields);

        assertEquals(400, api.post("lead", "/cycles", "{not json").status());
        assertEquals(400, api.post("lead", "/cycles", "[]").status());
        assertEquals(0, storedCycles());
    }

    @Test
    public void aFormOrPlainTextPostIsRefusedWithoutJirasXsrfHeader() {
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            Reply reply = api.send("lead", api.request("/cycles").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("key=CTEM-1")));
            assertEquals(type + ": " + reply, 403, reply.status());
            assertEquals("xsrf-check-failed", reply.code());
        }
        Reply withHeader = api.send("lead", api.request("/cycles").header("Content-Type", "text/plain")
                .header("X-Atlassian-Token", "no-check").POST(HttpRequest.BodyPublishers.ofString(VALID)));
        assertEquals("JSON only, whatever the header says", 415, withHeader.status());
        assertEquals(0, storedCycles());
    }

    @Test
    public void theListIsPagedByKeyInAStableOrder() {
        for (int i = 1; i <= 5; i++) {
            api.post("lead", "/cycles", cycle("C-" + i, "SEC"));
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonObject page = api.get("lead", "/cycles?limit=2" + (next == null ? "" : "&after=" + next)).json()
                    .getAsJsonObject();
            page.getAsJsonArray("items").forEach(c -> seen.add(c.getAsJsonObject().get("key").getAsString()));
            next = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
            pages++;
        } while (next != null);
        assertEquals(3, pages);
        assertEquals(List.of("C-1", "C-2", "C-3", "C-4", "C-5"), seen);
        Reply tooMany = api.get("lead", "/cycles?limit=501");
        assertEquals(400, tooMany.status());
        assertEquals("limit", tooMany.json().getAsJsonObject().get("field").getAsString());
    }

    @Test
    public void aLeadMovesACycleToAnotherProjectAndTheLogSaysSo() {
        api.post("lead", "/cycles", cycle("SEC-1", "SEC"));
        assertEquals(403, api.put("engineer", "/cycles/SEC-1/project", "{\"projectKey\":\"OPS\"}").status());
        assertEquals(400, api.put("lead", "/cycles/SEC-1/project", "{\"projectKey\":\"NOPE\"}").status());
        Reply moved = api.put("lead", "/cycles/SEC-1/project", "{\"projectKey\":\"OPS\"}");
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals("OPS", moved.json().getAsJsonObject().get("projectKey").getAsString());
        assertEquals(404, api.get("engineer", "/cycles/SEC-1").status());
        LogEntry last = null;
        for (LogEntry entry : api.services().record().log().chain("SEC-1")) {
            last = entry;
        }
        assertTrue(String.valueOf(last), last != null && last.is(LogAction.PROJECT_CHANGED)
                && last.before().contains("SEC") && last.after().contains("OPS"));
    }

    @Test
    public void whoMayNotOpenCyclesThereLearnsNothingOfJirasProjects() {
        new CtemSettings(api.jira.settingsFactory).setSecurityLeadRole(FakeJira.LEAD_ROLE);
        api.post("lead", "/cycles", cycle("SEC-1", "SEC"));
        // the same refusal for a project that exists (OPS) and one that does not: only leads learn which is which
        for (String project : List.of("OPS", "NOPE")) {
            Reply open = api.post("project-lead", "/cycles", cycle("X-1", project));
            assertEquals(project + ": " + open, 403, open.status());
            Reply move = api.put("project-lead", "/cycles/SEC-1/project", "{\"projectKey\":\"" + project + "\"}");
            assertEquals(project + ": " + move, 403, move.status());
        }
        assertEquals("projectKey", api.post("lead", "/cycles", cycle("X-1", "NOPE")).json().getAsJsonObject()
                .get("field").getAsString());
        assertEquals(1, storedCycles());
    }

    private static List<String> keys(Reply reply) {
        List<String> keys = new ArrayList<>();
        reply.json().getAsJsonObject().getAsJsonArray("items")
                .forEach(c -> keys.add(c.getAsJsonObject().get("key").getAsString()));
        return keys;
    }
}
