package org.ctemcycles.jira.rest;

import com.google.gson.JsonObject;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.RestHarness;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

import java.time.Duration;
import java.util.List;

import static org.ctemcycles.jira.rest.RecordApi.BASE;
import static org.ctemcycles.jira.rest.RecordApi.fields;
import static org.ctemcycles.jira.rest.RecordApi.ok;
import static org.ctemcycles.jira.rest.RecordApi.refused;
import static org.ctemcycles.jira.rest.RecordApi.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code /cycles/{key}/findings}, {@code /coverage} and {@code /runs} over real HTTP: discovery's record. */
public class FindingResourceTest {

    private final MutableClock clock = MutableClock.on("2026-07-02");
    @Rule
    public final RestHarness api = new RestHarness(TestDatabase.h2(), clock);
    private RecordApi record;
    private String log4shell;

    @Before
    public void twoScansOfTheWebTier() {
        record = new RecordApi(api).scoped();
        record.imported("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").title("SSL certificate cannot be trusted")
                        .host("web02.corp.example").build(),
                ObservationBuilder.nessus().ruleId("10863").host("printer.branch.example").build());
        clock.advance(Duration.ofDays(1));
        record.imported("week2.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build());
        // an import stores its findings in identity order: the finding is picked by what it is, not by position
        log4shell = record.all(BASE + "/findings", 3, 1).stream()
                .filter(f -> f.getAsJsonArray("cves").toString().contains("CVE-2021-44228")).findFirst().orElseThrow()
                .get("key").getAsString();
    }

    @Test
    public void findingsArePagedInDiscoveryOrderWithWhereTheyStandInTheRecord() {
        List<JsonObject> findings = record.all(BASE + "/findings", 2, 2);
        assertEquals(3, findings.size());
        assertEquals(List.of(log4shell), findings.stream().filter(f -> f.getAsJsonArray("cves").size() == 1)
                .map(f -> f.get("key").getAsString()).toList());
        JsonObject first = findings.stream().filter(f -> f.get("key").getAsString().equals(log4shell)).findFirst()
                .orElseThrow();
        assertEquals("WEB", first.get("surface").getAsString());
        assertEquals(2, first.get("signalCount").getAsInt());
        assertEquals(List.of("Nessus (Authenticated scan)"), texts(first.getAsJsonArray("sources")));
        assertEquals("OPEN", first.getAsJsonObject("register").get("status").getAsString());
        assertTrue("not prioritised yet", first.get("priority").isJsonNull());
        JsonObject outOfScope = findings.stream().filter(f -> !f.get("inScope").getAsBoolean()).findFirst()
                .orElseThrow();
        assertFalse(outOfScope.get("inScope").getAsBoolean());
        assertTrue("out of scope: not in the register", outOfScope.get("register").isJsonNull());
        assertTrue(findings.get(0).get("id").getAsLong() < findings.get(1).get("id").getAsLong());
        refused(400, "invalid-input", api.get("lead", BASE + "/findings?after=x"));
        assertEquals(List.of("limit"), fields(api.get("lead", BASE + "/findings?limit=0")));
    }

    @Test
    public void oneFindingShowsEverySignal() {
        JsonObject finding = ok(200, api.get("engineer", BASE + "/findings/" + log4shell));
        assertEquals(log4shell, finding.get("key").getAsString());
        assertEquals(2, finding.getAsJsonArray("signals").size());
        JsonObject signal = finding.getAsJsonArray("signals").get(0).getAsJsonObject();
        assertEquals("AUTHENTICATED_SCAN", signal.get("sourceKind").getAsString());
        assertTrue(signal.get("live").getAsBoolean());
        assertEquals("the key in any case", log4shell, ok(200, api.get("lead", BASE + "/findings/"
                + log4shell.toUpperCase())).get("key").getAsString());
        refused(404, "not-found", api.get("lead", BASE + "/findings/F-0000000000000000"));
        refused(404, "not-found", api.get("lead", BASE + "/findings/nonsense"));
    }

    @Test
    public void aFindingsHistoryShowsTheLogOnlyToThoseWhoReadTheEvidence() {
        ok(200, api.put("lead", BASE + "/register/" + log4shell + "/status", "{\"status\":\"in-progress\"}"));
        JsonObject forAuditor = ok(200, api.get("auditor", BASE + "/findings/" + log4shell + "/history"));
        assertEquals(log4shell, forAuditor.get("finding").getAsString());
        assertEquals(1, forAuditor.getAsJsonArray("entries").size());
        assertFalse(forAuditor.getAsJsonArray("log").isEmpty());
        JsonObject forEngineer = ok(200, api.get("engineer", BASE + "/findings/" + log4shell + "/history"));
        assertEquals(forAuditor.get("entries"), forEngineer.get("entries"));
        assertTrue("the log is evidence", forEngineer.getAsJsonArray("log").isEmpty());
        refused(404, "not-found", api.get("lead", BASE + "/findings/F-0000000000000000/history"));
    }

    @Test
    public void coverageAndRunsAreDiscoverysRecord() {
        JsonObject coverage = ok(200, api.get("engineer", BASE + "/coverage"));
        JsonObject web = coverage.getAsJsonArray("surfaces").get(0).getAsJsonObject();
        assertEquals("WEB", web.get("key").getAsString());
        JsonObject authenticated = web.getAsJsonObject("coverage").getAsJsonObject("AUTHENTICATED_SCAN");
        assertEquals("COVERED", authenticated.get("state").getAsString());
        assertEquals(2, authenticated.get("runs").getAsInt());
        assertEquals(30, coverage.get("staleAfterDays").getAsInt());
        clock.advance(Duration.ofDays(10));
        assertEquals("STALE", ok(200, api.get("lead", BASE + "/coverage?staleAfterDays=7"))
                .getAsJsonArray("surfaces").get(0).getAsJsonObject().getAsJsonObject("coverage")
                .getAsJsonObject("AUTHENTICATED_SCAN").get("state").getAsString());
        for (String bad : List.of("0", "3651", "ten")) {
            assertEquals(List.of("staleAfterDays"), fields(api.get("lead", BASE + "/coverage?staleAfterDays=" + bad)));
        }

        List<JsonObject> runs = record.all(BASE + "/runs", 1, 2);
        assertEquals(List.of("week1.jsonl", "week2.jsonl"), texts(runs, "file"));
        assertEquals(3, runs.get(0).get("newFindings").getAsInt());
        assertEquals(List.of("WEB"), texts(runs.get(0).getAsJsonArray("coveredSurfaces")));
    }

    @Test
    public void everyRoleInTheCycleReadsDiscoverysRecord() {
        for (String path : List.of("/findings", "/findings/" + log4shell, "/findings/" + log4shell + "/history",
                "/coverage", "/runs")) {
            record.assertWorkReadable(BASE + path);
        }
    }
}
