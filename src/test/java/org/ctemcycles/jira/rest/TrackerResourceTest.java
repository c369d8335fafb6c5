package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.core.mobilisation.TrackerStatus;
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
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code /cycles/{key}/tracker} over real HTTP: the cycle's tracker configuration checked against the project's
 * scheme and workflow before it is stored, and a lead's reconcile-now repairing what the register missed.
 */
public class TrackerResourceTest {

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
    public void theConfigurationIsTheDefaultsInTheCyclesProjectAndReadyToMobilise() {
        JsonObject answer = ok(200, api.get("engineer", BASE + "/tracker"));
        JsonObject config = answer.getAsJsonObject("config");
        assertEquals("SEC", config.get("project").getAsString());
        assertEquals("CTEM Exposure", config.get("issueType").getAsString());
        assertEquals("finding", config.get("grain").getAsString());
        assertEquals(0, answer.getAsJsonArray("own").size());
        assertEquals(0, answer.getAsJsonArray("problems").size());
    }

    @Test
    public void aLeadSetsTheCyclesOwnFieldsCheckedAgainstTheWorkflow() {
        JsonObject saved = ok(200, api.put("lead", BASE + "/tracker", "{\"statusMap\":[{\"status\":\"In Review\","
                + "\"category\":\"done\"}],\"priorities\":{\"CRITICAL\":\"Highest\"},\"labels\":[\"ctem\",\"q3\"]}"));
        assertEquals("done", saved.getAsJsonObject("config").getAsJsonArray("statusMap").get(0).getAsJsonObject()
                .get("category").getAsString());
        assertEquals(List.of("labels", "priorities", "statusMap"), saved.getAsJsonArray("own").asList().stream()
                .map(e -> e.getAsString()).toList());
        assertEquals(saved, ok(200, api.get("lead", BASE + "/tracker")));
    }

    @Test
    public void aConfigurationJiraCannotFollowIsRefusedNamingWhatIsMissingAndNothingIsStored() {
        JsonObject before = ok(200, api.get("lead", BASE + "/tracker"));
        Reply reply = api.put("lead", BASE + "/tracker", "{\"issueType\":\"Epic\",\"priorities\":{\"HIGH\":"
                + "\"Blocker\"}}");
        refused(400, "invalid-input", reply);
        assertEquals(List.of("issueType", "priorities.HIGH"), fields(reply));
        Reply status = api.put("lead", BASE + "/tracker", "{\"statusMap\":[{\"status\":\"Shipped\",\"category\":"
                + "\"done\"}]}");
        refused(400, "invalid-input", status);
        assertEquals(List.of("statusMap.Shipped"), fields(status));
        assertTrue(status.body(), status.body().contains("Shipped"));
        assertEquals(before, ok(200, api.get("lead", BASE + "/tracker")));
        refused(403, "forbidden", api.put("engineer", BASE + "/tracker", "{\"labels\":[\"x\"]}"));
    }

    @Test
    public void reconcileNowTakesInWhatTheTrackerChangedAndSaysWhatItRepaired() {
        JsonObject mobilised = ok(200, api.post("lead", BASE + "/register/mobilise", "{\"findings\":[\""
                + findings.get(0) + "\"],\"owner\":\"JIRAUSER10200\",\"deadline\":\"2026-07-30\","
                + "\"verificationStep\":\"rescan web01\"}"));
        String issue = mobilised.getAsJsonArray("items").get(0).getAsJsonObject().get("trackerIssue").getAsString();
        api.tracker.move(issue, TrackerStatus.DONE, "Done");
        JsonObject report = ok(200, api.send("lead", api.request(BASE + "/tracker/reconcile")
                .header(XsrfGuard.HEADER, "no-check").POST(java.net.http.HttpRequest.BodyPublishers.noBody())));
        assertEquals(1, report.get("checked").getAsInt());
        assertEquals(report.getAsJsonArray("repairs").size(), report.get("repaired").getAsInt());
        assertEquals("status", report.getAsJsonArray("repairs").get(0).getAsJsonObject().get("kind")
                .getAsString());
        JsonObject entry = ok(200, api.get("lead", BASE + "/register")).getAsJsonArray("items").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(e -> e.get("finding").getAsString().equals(findings.get(0)))
                .findFirst().orElseThrow();
        assertEquals("RESOLVED", entry.get("status").getAsString());
        assertEquals("done", entry.get("trackerStatus").getAsString());
        JsonObject again = ok(200, api.send("lead", api.request(BASE + "/tracker/reconcile")
                .header(XsrfGuard.HEADER, "no-check").POST(java.net.http.HttpRequest.BodyPublishers.noBody())));
        assertEquals(0, again.get("repaired").getAsInt());
    }
}
