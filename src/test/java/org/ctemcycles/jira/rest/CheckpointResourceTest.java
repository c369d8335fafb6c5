package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.fields;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/checkpoints} over real HTTP: the cadence's checkpoints, holding one, and the metrics. */
public class CheckpointResourceTest {

    private final MutableClock clock = MutableClock.on("2026-07-02");
    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), clock);
    private RecordApi record;

    @Before
    public void aScannedCycle() {
        record = new RecordApi(api).scoped();
        record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
    }

    @Test
    public void aCheckpointIsHeldWithTheMetricsOfTheDay() {
        JsonObject schedule = ok(200, api.get("engineer", BASE + "/checkpoints"));
        JsonObject firstPlanned = schedule.getAsJsonArray("planned").get(0).getAsJsonObject();
        assertEquals("2026-07-15", firstPlanned.get("date").getAsString());
        assertEquals("UPCOMING", firstPlanned.get("status").getAsString());
        assertTrue(schedule.getAsJsonArray("held").isEmpty());
        assertEquals(2, schedule.getAsJsonObject("metrics").getAsJsonObject("byStatus").get("OPEN").getAsInt());
        assertEquals(1, schedule.getAsJsonObject("metrics").get("surfacesInScope").getAsInt());

        clock.setDay("2026-07-15");
        JsonObject held = ok(200, api.post("lead", BASE + "/checkpoints", "{\"notes\":\"first review\"}"));
        assertEquals("2026-07-15", held.get("heldOn").getAsString());
        assertEquals("2026-07-15", held.get("plannedFor").getAsString());
        assertEquals("first review", held.get("notes").getAsString());
        assertEquals(2, held.getAsJsonObject("metrics").getAsJsonObject("byStage").get("discovered").getAsInt());

        clock.setDay("2026-08-13");
        schedule = ok(200, api.get("auditor", BASE + "/checkpoints"));
        assertEquals("HELD", schedule.getAsJsonArray("planned").get(0).getAsJsonObject().get("status").getAsString());
        assertEquals(List.of("2026-07-29"), texts(schedule.getAsJsonArray("missed")));
        assertEquals(held, schedule.getAsJsonArray("held").get(0));
        assertEquals("an empty body holds one without notes", "", ok(200, api.post("lead", BASE + "/checkpoints", ""))
                .get("notes").getAsString());
    }

    @Test
    public void badNotesAreRefusedNamingTheField() {
        int before = record.logSize();
        assertEquals(List.of("notes"), fields(api.post("lead", BASE + "/checkpoints",
                "{\"notes\":\"" + "x".repeat(10_001) + "\"}")));
        assertEquals(List.of("held"), fields(api.post("lead", BASE + "/checkpoints", "{\"held\":\"2026-07-01\"}")));
        assertEquals(before, record.logSize());
    }

    @Test
    public void everyRoleReadsTheCheckpointsAndOnlyLeadsHoldOne() {
        record.assertWorkReadable(BASE + "/checkpoints");
        record.assertOnlyLeadsChange("POST checkpoint", user -> api.post(user, BASE + "/checkpoints", "{}"));
    }
}
