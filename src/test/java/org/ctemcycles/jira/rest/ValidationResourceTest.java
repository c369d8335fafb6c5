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

/** {@code /cycles/{key}/validations} over real HTTP: recording how findings were tested, and reading it. */
public class ValidationResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;
    private List<String> findings;

    @Before
    public void aScannedCycle() {
        record = new RecordApi(api).scoped();
        findings = record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build());
    }

    @Test
    public void aValidationIsRecordedAndMovesTheFindingsStatus() {
        JsonObject validation = ok(200, api.post("lead", BASE + "/validations", "{\"finding\":\"" + findings.get(0)
                + "\",\"method\":\"exploit reproduction\",\"outcome\":\"exploitable-confirmed\",\"notes\":\"JNDI"
                + " lookup reached the callback host\",\"evidence\":[\"SEC-12\",\"https://wiki.example/poc\"]}"));
        assertEquals("EXPLOIT_REPRODUCTION", validation.get("method").getAsString());
        assertEquals("EXPLOITABLE_CONFIRMED", validation.get("outcome").getAsString());
        assertEquals(List.of("SEC-12", "https://wiki.example/poc"), texts(validation.getAsJsonArray("evidenceRefs")));
        assertEquals(RecordApi.LEAD_KEY, validation.get("validatedBy").getAsString());
        ok(200, api.post("lead", BASE + "/validations", "{\"finding\":\"" + findings.get(1)
                + "\",\"method\":\"manual-test\",\"outcome\":\"not-exploitable\",\"notes\":\"pinned internally\"}"));
        ok(200, api.post("lead", BASE + "/validations", "{\"finding\":\"" + findings.get(0)
                + "\",\"method\":\"manual-test\",\"outcome\":\"mitigated-by-control\"}"));

        List<JsonObject> all = record.all(BASE + "/validations", 2, 2);
        assertEquals(List.of(findings.get(0), findings.get(1), findings.get(0)), RecordApi.texts(all, "finding"));
        assertEquals("FALSE_POSITIVE", all.get(1).get("statusAfter").getAsString());
        assertEquals("the register agrees", "FALSE_POSITIVE", ok(200, api.get("lead", BASE
                + "/register?status=false-positive")).getAsJsonArray("items").get(0).getAsJsonObject()
                .get("status").getAsString());
    }

    @Test
    public void aBadValidationNamesItsFieldsAndStoresNothing() {
        int before = record.logSize();
        Reply reply = api.post("lead", BASE + "/validations", "{\"finding\":\"" + findings.get(0)
                + "\",\"method\":\"guess\",\"outcome\":\"retest-passed\",\"evidence\":[\"ok\",\"two\\nlines\"]}");
        refused(400, "invalid-input", reply);
        assertEquals(List.of("method", "evidence[2]"), fields(reply));
        assertEquals("a retest outcome of another method", List.of("outcome"), fields(api.post("lead",
                BASE + "/validations", "{\"finding\":\"" + findings.get(0) + "\",\"method\":\"manual-test\","
                        + "\"outcome\":\"retest-passed\"}")));
        assertEquals(List.of("finding"), fields(api.post("lead", BASE + "/validations",
                "{\"method\":\"retest\",\"outcome\":\"retest-passed\"}")));
        Reply unknown = api.post("lead", BASE + "/validations",
                "{\"finding\":\"F-0000000000000000\",\"method\":\"retest\",\"outcome\":\"retest-passed\"}");
        refused(400, "invalid-input", unknown);
        assertEquals("the body names a finding that is not in the register", List.of("finding"), fields(unknown));
        assertEquals(List.of("evidence"), fields(api.post("lead", BASE + "/validations",
                "{\"finding\":\"x\",\"evidence\":\"one\"}")));
        assertEquals(before, record.logSize());
    }

    @Test
    public void validationsAreEvidenceAndOnlyLeadsRecordThem() {
        record.assertEvidenceReadable(BASE + "/validations");
        record.assertOnlyLeadsChange("POST validation", user -> api.post(user, BASE + "/validations",
                "{\"finding\":\"" + findings.get(0) + "\",\"method\":\"retest\",\"outcome\":\"retest-failed\"}"));
    }
}
