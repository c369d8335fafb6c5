package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
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
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/closure}, {@code /cadence} and {@code /handover} over real HTTP: ending a cycle. */
public class ClosureResourceTest {

    private final MutableClock clock = MutableClock.on("2026-07-02");
    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), clock);
    private RecordApi record;
    private List<String> findings;

    @Before
    public void aCycleInMobilisation() {
        record = new RecordApi(api).scoped();
        findings = record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
        record.advanceTo("MOBILISATION");
        clock.setDay("2026-09-30");
    }

    @Test
    public void theClosedGateRefusesUnassignedWorkUntilALeadOverridesIt() {
        refused(404, "not-found", api.get("lead", BASE + "/closure"));
        int before = record.logSize();
        Reply refused = api.post("lead", BASE + "/closure", "{}");
        refused(409, "gate-not-met", refused);
        assertTrue(fields(refused).contains("Closed gate"));
        assertEquals(before, record.logSize());
        assertEquals(List.of("override.reason"), fields(api.post("lead", BASE + "/closure",
                "{\"override\":{}}")));

        JsonObject summary = ok(200, api.post("lead", BASE + "/closure",
                "{\"override\":{\"reason\":\"owners agreed at the closing review\"}}"));
        assertEquals("in key order", findings.stream().sorted().toList(),
                texts(summary.getAsJsonArray("carriedOver")));
        assertEquals(RecordApi.LEAD_KEY, summary.get("closedBy").getAsString());
        assertEquals(List.of("WEB"), texts(summary.getAsJsonArray("nextScope")));
        assertEquals(summary, ok(200, api.get("auditor", BASE + "/closure")));
        assertEquals("CLOSED", ok(200, api.get("lead", BASE)).get("stage").getAsString());
        JsonObject cadence = ok(200, api.get("engineer", BASE + "/cadence"));
        assertEquals("2026-09-30", cadence.get("closedOn").getAsString());
        assertTrue(cadence.get("nextCycle").isJsonNull());
        refused(400, "invalid-input", api.post("lead", BASE + "/closure", "{}"));
    }

    @Test
    public void aClosedCycleHandsItsResidualQueueToANewCycle() {
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
        int before = record.logSize();
        Reply bad = api.post("lead", BASE + "/handover", """
                {"newCycle":{"key":"CTEM-2","name":"Q4","start":"2026-13-01","plannedEnd":"2026-12-31",
                 "colour":"red"}}""");
        assertEquals(List.of("newCycle.colour"), fields(bad));
        bad = api.post("lead", BASE + "/handover", """
                {"newCycle":{"key":"CTEM-2","name":"Q4","start":"2026-13-01","plannedEnd":"2026-12-31"}}""");
        refused(400, "invalid-input", bad);
        assertEquals(List.of("newCycle.start"), fields(bad));
        assertEquals(List.of("newCycle.projectKey"), fields(api.post("lead", BASE + "/handover", """
                {"newCycle":{"key":"CTEM-2","name":"Q4","start":"2026-10-01","plannedEnd":"2026-12-31",
                 "projectKey":"NOPE"}}""")));
        assertEquals(List.of("next"), fields(api.post("lead", BASE + "/handover", "{}")));
        assertEquals(List.of("next"), fields(api.post("lead", BASE + "/handover", """
                {"next":"CTEM-1","newCycle":{"key":"CTEM-2"}}""")));
        refused(404, "not-found", api.post("lead", BASE + "/handover", "{\"next\":\"NOPE\"}"));
        assertEquals(before, record.logSize());

        JsonObject handover = ok(200, api.post("lead", BASE + "/handover", """
                {"newCycle":{"key":"CTEM-2","name":"Q4 payments","start":"2026-10-01","plannedEnd":"2026-12-31"},
                 "carryScope":true}"""));
        JsonObject next = handover.getAsJsonObject("next");
        assertEquals("CTEM-2", next.get("key").getAsString());
        assertEquals("SCOPING", next.get("stage").getAsString());
        assertEquals("the closed cycle's project", "SEC", next.get("projectKey").getAsString());
        assertEquals("CTEM-1", next.get("predecessor").getAsString());
        assertEquals(2, handover.get("inherited").getAsInt());
        assertEquals(List.of("WEB"), texts(handover.getAsJsonArray("carriedScope")));
        assertEquals(findings.stream().sorted().toList(), texts(ok(200, api.get("engineer", "/cycles/CTEM-2/register"))
                .getAsJsonArray("items").asList().stream().map(e -> e.getAsJsonObject()).toList(), "finding"));
        assertEquals("CTEM-2", ok(200, api.get("lead", BASE + "/cadence")).get("nextCycle").getAsString());
        refused(400, "invalid-input", api.post("lead", BASE + "/handover", "{\"next\":\"CTEM-2\"}"));
    }

    @Test
    public void aLinkedNextCycleMustBeOneTheCallerRuns() {
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
        for (String project : List.of("OPS", "SEC")) {
            ok(201, api.post("lead", "/cycles", "{\"key\":\"" + project + "-2\",\"name\":\"Q4\","
                    + "\"start\":\"2026-10-01\",\"plannedEnd\":\"2026-12-31\",\"projectKey\":\"" + project + "\"}"));
        }
        // the project lead leads the cycles of SEC only
        new CtemSettings(api.jira.settingsFactory).setSecurityLeadRole(FakeJira.LEAD_ROLE);
        int before = record.logSize();
        refused(404, "not-found", api.post("project-lead", BASE + "/handover", "{\"next\":\"OPS-2\"}"));
        assertEquals(before, record.logSize());
        assertEquals(List.of("newCycle.projectKey"), fields(api.post("lead", BASE + "/handover",
                "{\"newCycle\":{\"key\":\"OPS-3\",\"name\":\"Q4\",\"projectKey\":\"NOPE\"}}")));
        refused(403, "forbidden", api.post("project-lead", BASE + "/handover", """
                {"newCycle":{"key":"OPS-3","name":"Q4","start":"2026-10-01","plannedEnd":"2026-12-31",
                 "projectKey":"OPS"}}"""));
        ok(200, api.post("project-lead", BASE + "/handover", "{\"next\":\"SEC-2\"}"));
        assertEquals("CTEM-1", ok(200, api.get("lead", "/cycles/SEC-2")).get("predecessor").getAsString());
    }

    @Test
    public void everyRoleReadsTheClosureAndOnlyLeadsCloseAndHandOver() {
        record.assertOnlyLeadsChange("POST closure", user -> api.post(user, BASE + "/closure",
                "{\"override\":{\"reason\":\"x\"}}"));
        ok(200, api.post("lead", BASE + "/closure", "{\"override\":{\"reason\":\"end of quarter\"}}"));
        record.assertWorkReadable(BASE + "/closure");
        record.assertWorkReadable(BASE + "/cadence");
        record.assertOnlyLeadsChange("POST handover", user -> api.post(user, BASE + "/handover",
                "{\"newCycle\":{\"key\":\"CTEM-2\",\"name\":\"Q4\",\"start\":\"2026-10-01\","
                        + "\"plannedEnd\":\"2026-12-31\"}}"));
        refused(404, "not-found", api.get("lead", "/cycles/CTEM-2"));
    }
}
