package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.RestHarness.Reply;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.KEY;
import static org.ctemcycles.jira.rest.RecordApi.fields;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.refused;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/stage} over real HTTP: the next gate, advancing through it, and overriding it. */
public class StageResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;

    @Before
    public void openACycle() {
        record = new RecordApi(api).open();
    }

    @Test
    public void anUnmetGateIsRefusedWithEachCriterionAndNothingMoves() {
        JsonObject gate = ok(200, api.get("engineer", BASE + "/stage"));
        assertEquals("SCOPING", gate.get("stage").getAsString());
        assertEquals("DISCOVERY", gate.get("next").getAsString());
        assertFalse(gate.get("met").getAsBoolean());
        List<String> unmet = texts(gate.getAsJsonArray("unmet"));
        assertFalse(unmet.isEmpty());

        int before = record.logSize();
        Reply refused = api.post("lead", BASE + "/stage", "{\"target\":\"discovery\"}");
        refused(409, "gate-not-met", refused);
        List<String> errors = fields(refused);
        assertEquals("one error per unmet criterion, then how to override", unmet.size() + 1, errors.size());
        assertTrue(errors.toString(), errors.subList(0, unmet.size()).stream().allMatch("Discovery gate"::equals));
        assertEquals("override", errors.get(unmet.size()));
        assertEquals(before, record.logSize());
        assertEquals("SCOPING", ok(200, api.get("lead", BASE)).get("stage").getAsString());
    }

    @Test
    public void aMetGateIsPassedToTheNextStage() {
        ok(200, api.put("lead", BASE + "/scope", "{\"successCriteria\":\"No KEV older than 14 days\"}"));
        ok(201, api.post("lead", BASE + "/surfaces", """
                {"key":"WEB","name":"Web tier","kind":"customer-facing system","businessOwner":"alice",
                 "criticality":"critical","successCriterion":"No exploitable KEV"}"""));
        JsonObject gate = ok(200, api.get("lead", BASE + "/stage"));
        assertTrue(gate.toString(), gate.get("met").getAsBoolean());
        JsonObject moved = ok(200, api.post("lead", BASE + "/stage", ""));
        assertEquals("SCOPING", moved.get("from").getAsString());
        assertEquals("DISCOVERY", moved.get("to").getAsString());
        assertFalse(moved.get("overridden").getAsBoolean());
        assertTrue(moved.get("overrideReason").isJsonNull());
        assertEquals("DISCOVERY", moved.getAsJsonObject("cycle").get("stage").getAsString());
        Reply again = api.post("lead", BASE + "/stage", "{\"target\":\"discovery\"}");
        refused(409, "conflict", again);
    }

    @Test
    public void aLeadOverridesAGateWithAReasonThatIsLogged() {
        JsonObject moved = ok(200, api.post("lead", BASE + "/stage",
                "{\"target\":\"DISCOVERY\",\"override\":{\"reason\":\"scanning starts before the workshop\"}}"));
        assertTrue(moved.get("overridden").getAsBoolean());
        assertEquals("scanning starts before the workshop", moved.get("overrideReason").getAsString());
        assertFalse(moved.getAsJsonArray("overriddenCriteria").isEmpty());
        List<LogEntry> log = api.services().record().log().chain(KEY);
        assertTrue(log.stream().anyMatch(e -> e.is(LogAction.GATE_OVERRIDDEN)
                && e.after().contains("scanning starts before the workshop")));
    }

    @Test
    public void badRequestsNameTheirFields() {
        int before = record.logSize();
        assertEquals(List.of("target"), fields(api.post("lead", BASE + "/stage", "{\"target\":\"done\"}")));
        assertEquals("one stage at a time", List.of("target"), fields(api.post("lead", BASE + "/stage",
                "{\"target\":\"validation\",\"override\":{\"reason\":\"x\"}}")));
        assertEquals("closing is the closure's", List.of("target"), fields(api.post("lead", BASE + "/stage",
                "{\"target\":\"closed\"}")));
        Reply noReason = api.post("lead", BASE + "/stage", "{\"override\":{\"reason\":\" \"}}");
        refused(400, "invalid-input", noReason);
        assertEquals(List.of("override.reason"), fields(noReason));
        assertEquals(List.of("override.why"), fields(api.post("lead", BASE + "/stage",
                "{\"override\":{\"why\":\"x\"}}")));
        assertEquals(List.of("override"), fields(api.post("lead", BASE + "/stage", "{\"override\":\"yes\"}")));
        assertEquals(before, record.logSize());
    }

    @Test
    public void onlyLeadsAdvanceAndEveryRoleReadsTheGate() {
        record.assertWorkReadable(BASE + "/stage");
        record.assertOnlyLeadsChange("POST stage", user -> api.post(user, BASE + "/stage",
                "{\"override\":{\"reason\":\"because\"}}"));
        ok(200, api.post("admin", BASE + "/stage", "{\"override\":{\"reason\":\"administrators run cycles too\"}}"));
    }
}
