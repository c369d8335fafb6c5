package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.fields;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.refused;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/scope} and {@code /surfaces} over real HTTP: scoping a cycle through the API. */
public class ScopeResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;

    @Before
    public void openACycle() {
        record = new RecordApi(api).open();
    }

    @Test
    public void aLeadRecordsTheScopeWhileTheCycleIsInScoping() {
        JsonObject scope = ok(200, api.put("lead", BASE + "/scope", """
                {"objective":"Cut KEV exposure on payment hosts","successCriteria":"No KEV older than 14 days",
                 "plannedEnd":"2026-10-15","checkpointIntervalDays":7}"""));
        assertEquals("No KEV older than 14 days", scope.get("successCriteria").getAsString());
        assertEquals("2026-07-01", scope.get("start").getAsString());
        assertEquals("2026-10-15", scope.get("plannedEnd").getAsString());
        assertEquals(7, scope.get("checkpointIntervalDays").getAsInt());
        assertTrue(scope.get("editable").getAsBoolean());
        assertEquals(2, scope.get("version").getAsLong());
        assertEquals(scope, ok(200, api.get("engineer", BASE + "/scope")));
        assertEquals("the cycle shows the same", "2026-10-15",
                ok(200, api.get("lead", BASE)).get("plannedEnd").getAsString());

        record.advanceTo("DISCOVERY");
        Reply late = api.put("lead", BASE + "/scope", "{\"objective\":\"changed\"}");
        refused(400, "invalid-input", late);
        assertEquals(List.of("stage"), fields(late));
        assertFalse(ok(200, api.get("lead", BASE + "/scope")).get("editable").getAsBoolean());
    }

    @Test
    public void aBadScopeNamesEveryFieldAndChangesNothing() {
        int before = record.logSize();
        Reply reply = api.put("lead", BASE + "/scope", """
                {"start":"2026-13-01","checkpointIntervalDays":0,"colour":"red"}""");
        refused(400, "invalid-input", reply);
        assertEquals(List.of("colour"), fields(reply));
        reply = api.put("lead", BASE + "/scope", "{\"start\":\"2026-13-01\",\"checkpointIntervalDays\":0}");
        assertEquals(List.of("start", "checkpointIntervalDays"), fields(reply));
        reply = api.put("lead", BASE + "/scope", "{\"objective\":[\"a\"]}");
        assertEquals(List.of("objective"), fields(reply));
        assertEquals(before, record.logSize());
    }

    @Test
    public void onlyLeadsChangeTheScopeAndEveryRoleReadsIt() {
        record.assertReadableBy(BASE + "/scope", 200, 200);
        record.assertOnlyLeadsChange("PUT scope", user -> api.put(user, BASE + "/scope", "{\"objective\":\"x\"}"));
        refused(404, "not-found", api.get("lead", "/cycles/NOPE/scope"));
    }

    @Test
    public void surfacesAreAddedReadAndChangedWithTheirRules() {
        Reply added = api.post("lead", BASE + "/surfaces", """
                {"key":"web","name":"Web tier","kind":"customer-facing system","businessOwner":"alice",
                 "criticality":"high","exposure":"internet-facing","successCriterion":"No KEV open",
                 "rules":["host:*.corp.example","ip:10.0.0.0/24"]}""");
        JsonObject surface = ok(201, added);
        assertTrue(added.location(), added.location().endsWith("/rest/ctem/1.0/cycles/CTEM-1/surfaces/WEB"));
        assertEquals("WEB", surface.get("key").getAsString());
        assertEquals("CUSTOMER_FACING_SYSTEM", surface.get("kind").getAsString());
        assertEquals(List.of("host:*.corp.example", "ip:10.0.0.0/24"), texts(surface.getAsJsonArray("rules")));
        assertEquals(surface, ok(200, api.get("engineer", BASE + "/surfaces/web")));

        JsonObject changed = ok(200, api.put("lead", BASE + "/surfaces/WEB", """
                {"criticality":"critical","rules":["url:https://shop.corp.example/api/"]}"""));
        assertEquals("CRITICAL", changed.get("criticality").getAsString());
        assertEquals("alice", changed.get("businessOwner").getAsString());
        assertEquals(List.of("url:https://shop.corp.example/api/"), texts(changed.getAsJsonArray("rules")));
        assertEquals(changed, ok(200, api.get("auditor", BASE + "/surfaces/WEB")));
        refused(404, "not-found", api.get("lead", BASE + "/surfaces/NOPE"));
        refused(404, "not-found", api.put("lead", BASE + "/surfaces/NOPE", "{\"name\":\"x\"}"));
    }

    @Test
    public void aBadSurfaceNamesItsFieldsAndRulesByPosition() {
        int before = record.logSize();
        Reply reply = api.post("lead", BASE + "/surfaces", """
                {"key":"1x","name":"","kind":"castle","criticality":"extreme",
                 "rules":["host:ok.example","nonsense","ip:999.1.1.1"]}""");
        refused(400, "invalid-input", reply);
        assertEquals(List.of("key", "name", "kind", "criticality", "rules[2]", "rules[3]"), fields(reply));
        assertEquals("a rule list of objects", List.of("rules"), fields(api.post("lead", BASE + "/surfaces",
                "{\"key\":\"A\",\"rules\":[{\"host\":\"x\"}]}")));
        assertEquals("the key comes from the path", List.of("key"), fields(api.put("lead", BASE + "/surfaces/AA",
                "{\"key\":\"BB\"}")));
        ok(201, api.post("lead", BASE + "/surfaces", "{\"key\":\"AA\",\"name\":\"A\",\"kind\":\"identity surface\"}"));
        Reply twice = api.post("lead", BASE + "/surfaces", "{\"key\":\"aa\",\"name\":\"A\",\"kind\":\"identity surface\"}");
        assertEquals(List.of("key"), fields(twice));
        assertEquals(before + 1, record.logSize());
    }

    @Test
    public void surfacesArePagedByKeyAndOnlyLeadsChangeThem() {
        for (String key : List.of("SE", "SA", "SD", "SC", "SB")) {
            ok(201, api.post("lead", BASE + "/surfaces", "{\"key\":\"" + key + "\",\"name\":\"" + key
                    + "\",\"kind\":\"business process\"}"));
        }
        assertEquals(List.of("SA", "SB", "SC", "SD", "SE"), texts(record.all(BASE + "/surfaces", 2, 3), "key"));
        assertEquals("the cursor in any case", List.of("SC", "SD"), texts(ok(200, api.get("lead", BASE
                + "/surfaces?limit=2&after=sb")).getAsJsonArray("items").asList().stream()
                .map(e -> e.getAsJsonObject()).toList(), "key"));
        refused(400, "invalid-input", api.get("lead", BASE + "/surfaces?after=ZZ"));
        record.assertWorkReadable(BASE + "/surfaces");
        record.assertWorkReadable(BASE + "/surfaces/SA");
        record.assertOnlyLeadsChange("POST surface", user -> api.post(user, BASE + "/surfaces",
                "{\"key\":\"SF\",\"name\":\"F\",\"kind\":\"business process\"}"));
        record.assertOnlyLeadsChange("PUT surface", user -> api.put(user, BASE + "/surfaces/SA", "{\"name\":\"Z\"}"));
    }
}
