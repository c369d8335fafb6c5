package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.core.mobilisation.TrackerIssue;
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

/** {@code /cycles/{key}/register} over real HTTP: the register, mobilisation into the tracker, statuses, risk. */
public class RegisterResourceTest {

    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), MutableClock.on("2026-07-02"));
    private RecordApi record;
    private List<String> findings;

    @Before
    public void aScannedCycle() {
        record = new RecordApi(api).scoped();
        findings = record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web02.corp.example").build(),
                ObservationBuilder.nessus().ruleId("57582").host("web03.corp.example").build());
    }

    @Test
    public void aLeadMobilisesFindingsIntoTheTracker() {
        JsonObject mobilised = ok(200, api.post("lead", BASE + "/register/mobilise", "{\"findings\":[\""
                + findings.get(0) + "\",\"" + findings.get(1) + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":"
                + "\"2026-07-30\",\"changeRecord\":\"CHG-1042\",\"dependency\":\"vendor patch\","
                + "\"verificationStep\":\"rescan web01 and web02\"}"));
        List<JsonObject> entries = mobilised.getAsJsonArray("items").asList().stream()
                .map(e -> e.getAsJsonObject()).toList();
        assertEquals(findings.subList(0, 2), texts(entries, "finding"));
        JsonObject entry = entries.get(0);
        assertEquals("JIRAUSER10200", entry.get("owner").getAsString());
        assertEquals("2026-07-30", entry.get("deadline").getAsString());
        assertEquals("CHG-1042", entry.get("changeRecord").getAsString());
        TrackerIssue issue = api.tracker.find(entry.get("trackerIssue").getAsString()).orElseThrow();
        assertEquals("JIRAUSER10200", issue.assignee());
        assertEquals(entries.get(0), record.all(BASE + "/register", 1, 3).get(0));
    }

    @Test
    public void aMobilisationWithAProblemMobilisesNothing() {
        int before = record.logSize();
        Reply reply = api.post("lead", BASE + "/register/mobilise", "{\"findings\":[\"" + findings.get(0)
                + "\"],\"deadline\":\"soon\"}");
        refused(400, "invalid-input", reply);
        assertEquals(List.of("owner", "deadline", "verificationStep"), fields(reply));
        assertEquals(List.of("findings"), fields(api.post("lead", BASE + "/register/mobilise",
                "{\"owner\":\"bob\",\"deadline\":\"2026-08-01\",\"verificationStep\":\"rescan\"}")));
        Reply unknown = api.post("lead", BASE + "/register/mobilise", "{\"findings\":[\"" + findings.get(0)
                + "\",\"F-0000000000000000\"],\"owner\":\"bob\",\"deadline\":\"2026-08-01\","
                + "\"verificationStep\":\"rescan\"}");
        refused(400, "invalid-input", unknown);
        assertEquals(List.of("findings"), fields(unknown));
        assertEquals(before, record.logSize());
        assertTrue("no issue was opened", ok(200, api.get("lead", BASE + "/register")).getAsJsonArray("items")
                .asList().stream().allMatch(e -> e.getAsJsonObject().get("trackerIssue").isJsonNull()));
    }

    @Test
    public void statusesChangeByHandAndTheRegisterIsFilteredByStatus() {
        String finding = findings.get(2);
        assertEquals("IN_PROGRESS", ok(200, api.put("lead", BASE + "/register/" + finding + "/status",
                "{\"status\":\"in progress\"}")).get("status").getAsString());
        Reply noNote = api.put("lead", BASE + "/register/" + finding + "/status", "{\"status\":\"false-positive\"}");
        assertEquals(List.of("note"), fields(noNote));
        assertEquals(List.of("status"), fields(api.put("lead", BASE + "/register/" + finding + "/status",
                "{\"status\":\"fixed\"}")));
        refused(404, "not-found", api.put("lead", BASE + "/register/F-0000000000000000/status",
                "{\"status\":\"open\"}"));

        assertEquals(List.of(finding), texts(record.all(BASE + "/register?status=IN_PROGRESS", 5, 1), "finding"));
        assertEquals(findings.subList(0, 2), texts(record.all(BASE + "/register?status=open", 1, 2), "finding"));
        assertEquals(List.of(), record.all(BASE + "/register?status=verified", 5, 1));
        assertEquals(List.of("status"), fields(api.get("lead", BASE + "/register?status=done")));
        assertEquals(findings, texts(record.all(BASE + "/register", 2, 2), "finding"));
    }

    @Test
    public void riskIsAcceptedWithAnOwnerAControlAndAnExpiry() {
        String finding = findings.get(1);
        Reply bad = api.post("lead", BASE + "/register/" + finding + "/acceptance",
                "{\"owner\":\"\",\"expiry\":\"2026-07-01\",\"control\":\"WAF\"}");
        assertEquals(List.of("control"), fields(bad));
        bad = api.post("lead", BASE + "/register/" + finding + "/acceptance", "{\"owner\":\"\",\"expiry\":\"2026-07-01\"}");
        assertEquals(List.of("owner", "compensatingControl", "expiry"), fields(bad));
        JsonObject entry = ok(200, api.post("lead", BASE + "/register/" + finding + "/acceptance",
                "{\"owner\":\"JIRAUSER10000\",\"compensatingControl\":\"WAF rule 942100\",\"expiry\":\"2026-12-31\"}"));
        assertEquals("RISK_ACCEPTED", entry.get("status").getAsString());
        JsonObject acceptance = entry.getAsJsonObject("acceptance");
        assertEquals("WAF rule 942100", acceptance.get("compensatingControl").getAsString());
        assertEquals("2026-12-31", acceptance.get("expiry").getAsString());
        assertEquals(RecordApi.LEAD_KEY, acceptance.get("acceptedBy").getAsString());
    }

    @Test
    public void everyRoleReadsTheRegisterAndOnlyLeadsChangeIt() {
        String finding = findings.get(0);
        record.assertWorkReadable(BASE + "/register");
        record.assertWorkReadable(BASE + "/register?status=open");
        record.assertOnlyLeadsChange("mobilise", user -> api.post(user, BASE + "/register/mobilise",
                "{\"findings\":[\"" + finding + "\"],\"owner\":\"bob\",\"deadline\":\"2026-08-01\","
                        + "\"verificationStep\":\"rescan\"}"));
        record.assertOnlyLeadsChange("status", user -> api.put(user, BASE + "/register/" + finding + "/status",
                "{\"status\":\"in-progress\"}"));
        record.assertOnlyLeadsChange("acceptance", user -> api.post(user, BASE + "/register/" + finding
                + "/acceptance", "{\"owner\":\"bob\",\"compensatingControl\":\"WAF\",\"expiry\":\"2026-12-31\"}"));
        assertTrue(api.tracker.toString(), api.services().record().mobilisation().register(RecordApi.KEY).stream()
                .noneMatch(e -> e.mobilised()));
    }
}
