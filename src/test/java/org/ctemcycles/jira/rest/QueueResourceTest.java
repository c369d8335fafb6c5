package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
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
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/queue} over real HTTP: ranking the register and reading the queue a page at a time. */
public class QueueResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;

    @Before
    public void aScannedCycle() {
        record = new RecordApi(api).scoped();
    }

    private void scan() {
        record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228")
                        .vectors("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").title("SSL certificate cannot be trusted")
                        .host("web02.corp.example").build(),
                ObservationBuilder.nessus().ruleId("57582").title("Self-signed certificate")
                        .host("web03.corp.example").build());
    }

    @Test
    public void aLeadRanksTheRegisterAndEveryRoleReadsTheQueueByRank() {
        scan();
        JsonObject ranking = ok(200, api.post("lead", BASE + "/queue", "{}"));
        assertEquals(3, ranking.get("findings").getAsInt());
        String run = ranking.get("run").getAsString();
        assertEquals("ctem-default", ranking.getAsJsonObject("policy").get("id").getAsString());
        assertFalse(ranking.getAsJsonArray("feeds").isEmpty());

        List<JsonObject> queue = record.all(BASE + "/queue", 2, 2);
        assertEquals(List.of(1, 2, 3), queue.stream().map(d -> d.get("rank").getAsInt()).toList());
        JsonObject top = queue.get(0);
        for (String field : List.of("key", "score", "tier", "ssvc", "deadline", "factors", "feeds", "policy",
                "decidedAt", "rationale")) {
            assertTrue(field + " in " + top, top.has(field));
        }
        assertTrue(top.getAsJsonObject("deadline").has("rule"));
        assertEquals(run, ok(200, api.get("engineer", BASE + "/queue")).get("run").getAsString());
        assertEquals("the finding shows its priority", top.get("tier").getAsString(), ok(200, api.get("lead",
                BASE + "/findings/" + top.get("key").getAsString())).getAsJsonObject("priority").get("tier")
                .getAsString());
    }

    @Test
    public void aRankingDuringPagingIsAConflictNotAMixOfTwoQueues() {
        scan();
        ok(200, api.post("lead", BASE + "/queue", ""));
        JsonObject first = ok(200, api.get("lead", BASE + "/queue?limit=1"));
        String next = first.get("next").getAsString();
        assertTrue(next, next.startsWith(first.get("run").getAsString() + ":"));
        ok(200, api.get("lead", BASE + "/queue?limit=1&after=" + next));
        JsonObject again = ok(200, api.post("lead", BASE + "/queue", "{}"));
        assertNotEquals(first.get("run"), again.get("run"));
        refused(409, "conflict", api.get("lead", BASE + "/queue?limit=1&after=" + next));
        for (String bad : List.of("1", "x:0", ":1", "run:one")) {
            assertEquals(bad, List.of("after"), fields(api.get("lead", BASE + "/queue?after=" + bad)));
        }
    }

    @Test
    public void anEmptyRegisterIsNotRankedAndAQueueNeverRankedIsEmpty() {
        JsonObject empty = ok(200, api.get("lead", BASE + "/queue"));
        assertTrue(empty.getAsJsonArray("items").isEmpty());
        assertTrue(empty.get("run").isJsonNull());
        Reply refused = api.post("lead", BASE + "/queue", "{}");
        refused(400, "invalid-input", refused);
        assertEquals(List.of("cycle"), fields(refused));
        assertEquals("it takes no fields", List.of("policy"), fields(api.post("lead", BASE + "/queue",
                "{\"policy\":\"strict\"}")));
    }

    @Test
    public void onlyLeadsRankAndEveryRoleReadsTheQueue() {
        scan();
        record.assertOnlyLeadsChange("POST queue", user -> api.post(user, BASE + "/queue", "{}"));
        ok(200, api.post("lead", BASE + "/queue", "{}"));
        record.assertWorkReadable(BASE + "/queue");
        assertEquals(3, texts(record.all(BASE + "/queue", 500, 1), "key").size());
    }
}
