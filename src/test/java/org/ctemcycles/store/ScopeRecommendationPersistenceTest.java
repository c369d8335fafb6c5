package org.ctemcycles.store;

import com.google.gson.Gson;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.cadence.Handover;
import org.ctemcycles.core.cadence.HandoverRequest;
import org.ctemcycles.core.cadence.RecommendationKind;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The recommended next-cycle scope over the whole record on real Active Objects, on H2 and on PostgreSQL: a report
 * imported through the one import path, the cycle closed, the items read back from the database with their numbers,
 * and items taken at and after handover. (The rules: core/cadence/ScopeRecommendationTest.)
 */
@RunWith(Parameterized.class)
public class ScopeRecommendationPersistenceTest {

    private static final String LEAD = "lead";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private MutableClock clock;
    private CycleRecord record;

    public ScopeRecommendationPersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() throws Exception {
        opened = testDatabase.open();
        clock = MutableClock.on("2026-07-02");
        record = CycleRecord.overStore(opened.database().activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> LEAD.equals(user), clock);
        record.cycles().create(new CycleDraft("CTEM-1", "Q3", "Cut KEV exposure", "2026-07-01", "2026-09-30", "14"),
                LEAD);
        record.cycles().recordScope("CTEM-1", new ScopeDraft(null, "No KEV on WEB at close", null, null, null), LEAD);
        record.scope().add("CTEM-1", new SurfaceDraft("WEB", "Web tier", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable KEV", List.of("host:*.corp.example")), LEAD);
        record.scope().add("CTEM-1", new SurfaceDraft("IDP", "Identity", "identity surface", "erin", "high",
                "internal", "", List.of("host:idp.corp.example")), LEAD);
        record.stages().advance("CTEM-1", Stage.DISCOVERY, null, LEAD);
        clock.setDay("2026-07-10");
        StringBuilder report = new StringBuilder("{\"file\":\"week1.jsonl\",\"format\":\"nessus\"}\n");
        Gson gson = new Gson();
        for (String host : List.of("web1.corp.example", "web2.corp.example", "legacy.other.example",
                "legacy.other.example")) {
            report.append(gson.toJson(ObservationBuilder.nessus().host(host).ruleId("r-" + report.length())
                    .build())).append('\n');
        }
        record.imports(ImportLimits.defaults()).read("week1.jsonl", new ByteArrayInputStream(report.toString()
                .getBytes(StandardCharsets.UTF_8)), new ReportImport.Options("CTEM-1", null, null, List.of("WEB"),
                null, "ctem-jsonl", LEAD));
        GateOverride override = new GateOverride("closing on time");
        for (Stage stage : List.of(Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            record.stages().advance("CTEM-1", stage, override, LEAD);
        }
        clock.setDay("2026-09-30");
        record.closure().close("CTEM-1", override, LEAD);
    }

    @After
    public void closeDatabase() throws Exception {
        record.close();
        opened.close();
    }

    private static String line(RecommendedItem item) {
        return item.number() + " " + item.kind() + " " + item.subject();
    }

    @Test
    public void theClosedCycleRecommendsFromWhatDiscoveryAndTheRegisterHold() {
        List<RecommendedItem> items = record.recommendations().recommendation("CTEM-1");
        assertEquals(List.of("1 RESIDUAL_QUEUE WEB", "2 OBJECTIVE_NOT_MET CTEM-1", "3 NEVER_COVERED IDP",
                "4 STALE_COVERAGE WEB", "5 CANDIDATE_ASSET host:legacy.other.example"),
                items.stream().map(ScopeRecommendationPersistenceTest::line).toList());
        assertEquals(2, items.get(0).number("needingWork"));
        assertEquals(2, items.get(4).number("findings"));
        assertEquals(1, items.get(4).number("assets"));
        assertEquals(82, items.get(3).number("daysSinceCovered"));
        assertFalse(items.stream().anyMatch(RecommendedItem::taken));
    }

    @Test
    public void theNextCycleTakesPartOfItAndTheDatabaseRemembersWhat() {
        record.cycles().create(new CycleDraft("CTEM-2", "Q4", "", "2026-10-01", "2026-12-31", "14"), LEAD);
        Handover handover = record.closure().handover("CTEM-1", new HandoverRequest(null, "CTEM-2", false,
                List.of(1, 5)), LEAD);
        assertEquals(2, handover.taken().size());
        assertEquals(List.of("WEB", "NEW-LEGACY-OTHER-EXAMPLE"),
                record.scope().list("CTEM-2").stream().map(Surface::key).toList());
        record.recommendations().take("CTEM-1", List.of(3), LEAD);
        List<RecommendedItem> items = record.recommendations().recommendation("CTEM-1");
        assertEquals(List.of(true, false, true, false, true), items.stream().map(RecommendedItem::taken).toList());
        RecommendedItem candidate = items.get(4);
        assertEquals(RecommendationKind.CANDIDATE_ASSET, candidate.kind());
        assertEquals("CTEM-2", candidate.takenInto());
        assertEquals(LEAD, candidate.takenBy());
        assertEquals(clock.instant(), candidate.takenAt());
        assertTrue(record.scope().list("CTEM-2").stream().anyMatch(s -> s.key().equals("IDP")));
    }
}
