package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.ctemcycles.core.cadence.DiscoveryFacts.UnscopedAsset;
import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The recommended next-cycle scope at closure: each kind of item with its numbers, and taking items at handover. */
public class ScopeRecommendationTest extends InMemoryRecordTest {

    public ScopeRecommendationTest() {
        super("2026-07-02");
    }

    @Before
    public void runACycle() {
        fixture.openScoped("CTEM-1");
        record.scope().add("CTEM-1", new SurfaceDraft("SHOP", "Shop", "customer-facing system", "dan", "high",
                "internet-facing", "", List.of("host:shop.example.com")), LEAD);
        record.scope().add("CTEM-1", new SurfaceDraft("IDP", "Identity provider", "identity surface", "erin", "high",
                "internal", "", List.of("host:idp.example.com")), LEAD);
        record.mobilisation().enrol("CTEM-1", List.of("F-1", "F-2", "F-3", "F-4"), "importer");
        fixture.discoveryFacts.finding("F-1", "PAY-API");
        fixture.discoveryFacts.finding("F-2", "PAY-API");
        fixture.discoveryFacts.finding("F-3", "SHOP");
        fixture.discoveryFacts.finding("F-4", "SHOP");
        record.mobilisation().mobilise("CTEM-1", "F-1", new MobilisationDraft("bob", "2026-08-01", "", "", "rescan"), LEAD);
        record.mobilisation().acceptRisk("CTEM-1", "F-2", new AcceptanceDraft("carol", "WAF", "2026-12-31"), LEAD);
        record.mobilisation().changeStatus("CTEM-1", "F-4", "false positive", "unreachable", LEAD);
        fixture.discoveryFacts.covered("CTEM-1", "PAY-API", Instant.parse("2026-09-20T10:00:00Z"));
        fixture.discoveryFacts.covered("CTEM-1", "SHOP", Instant.parse("2026-07-10T10:00:00Z"));
        fixture.discoveryFacts.unscoped("CTEM-1", new UnscopedAsset(AssetKind.URL,
                "https://admin.example.com/login", 2, Instant.parse("2026-08-02T00:00:00Z")));
        fixture.discoveryFacts.unscoped("CTEM-1", new UnscopedAsset(AssetKind.URL,
                "https://admin.example.com/api", 1, Instant.parse("2026-08-05T00:00:00Z")));
        fixture.discoveryFacts.unscoped("CTEM-1", new UnscopedAsset(AssetKind.HOST, "legacy.example.com", 4,
                Instant.parse("2026-07-20T00:00:00Z")));
        fixture.discoveryFacts.unscoped("CTEM-1", new UnscopedAsset(AssetKind.PACKAGE, "pkg:npm/left-pad", 9,
                Instant.parse("2026-07-20T00:00:00Z")));
        GateOverride override = new GateOverride("closing on time");
        for (Stage stage : List.of(Stage.DISCOVERY, Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            record.stages().advance("CTEM-1", stage, override, LEAD);
        }
        fixture.clock.setDay("2026-09-30");
        record.closure().close("CTEM-1", override, LEAD);
    }

    private List<RecommendedItem> items() {
        return record.recommendations().recommendation("CTEM-1");
    }

    private static String line(RecommendedItem item) {
        return item.number() + " " + item.kind() + " " + item.subject();
    }

    @Test
    public void closureRecommendsEachKindWithTheNumbersBehindIt() {
        assertEquals(List.of(
                "1 RESIDUAL_QUEUE PAY-API",
                "2 RESIDUAL_QUEUE SHOP",
                "3 OBJECTIVE_NOT_MET CTEM-1",
                "4 OBJECTIVE_NOT_MET PAY-API",
                "5 NEVER_COVERED IDP",
                "6 STALE_COVERAGE SHOP",
                "7 CANDIDATE_ASSET host:legacy.example.com",
                "8 CANDIDATE_ASSET host:admin.example.com"), items().stream().map(ScopeRecommendationTest::line)
                .toList());
        RecommendedItem pay = items().get(0);
        assertEquals(Map.of("residual", 2L, "needingWork", 1L, "riskAccepted", 1L, "pastDeadline", 1L),
                pay.numbers());
        assertEquals("2 findings carried over: 1 needing work, 1 accepted risks to watch, 1 past their deadline",
                pay.reason());
        assertEquals(1, items().get(1).number("needingWork"));
        assertEquals(0, items().get(1).number("pastDeadline"));
        RecommendedItem cycle = items().get(2);
        assertEquals(1, cycle.number("pastDeadline"));
        assertTrue(cycle.reason(), cycle.number("criteriaOverridden") >= 1);
        assertTrue(cycle.reason(), cycle.reason().contains("No KEV older than 14 days on PAY-API"));
        assertTrue(items().get(3).reason(), items().get(3).reason()
                .startsWith("success criterion 'No exploitable KEV at cycle close' not met: 1 findings past"));
        assertEquals(81, items().get(5).number("daysSinceCovered"));
        assertEquals(30, items().get(5).number("staleAfterDays"));
        assertEquals(Map.of("findings", 3L, "assets", 2L), items().get(7).numbers());
        assertEquals(4, items().get(6).number("findings"));
        assertFalse(items().stream().anyMatch(RecommendedItem::taken));
        List<LogEntry> logged = logged("CTEM-1", LogAction.SCOPE_RECOMMENDED);
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).after(), logged.get(0).after().contains("\"items\":\"8\""));
    }

    @Test
    public void theHandoverTakesItemsOneByOneAndRecordsWhatItTook() {
        fixture.open("CTEM-2");
        Handover handover = record.closure().handover("CTEM-1", new HandoverRequest(null, "CTEM-2", false,
                List.of(1, 8)), LEAD);
        assertEquals(List.of(1, 8), handover.taken().stream().map(RecommendedItem::number).toList());
        List<Surface> next = record.scope().list("CTEM-2");
        assertEquals(List.of("PAY-API", "NEW-ADMIN-EXAMPLE-COM"), next.stream().map(Surface::key).toList());
        assertEquals("alice", next.get(0).businessOwner());
        Surface candidate = next.get(1);
        assertEquals("host:admin.example.com", candidate.rules().get(0).toString());
        assertEquals("", candidate.businessOwner());
        assertEquals("CTEM-2", items().get(0).takenInto());
        assertEquals(LEAD, items().get(0).takenBy());
        assertFalse(items().get(1).taken());

        List<RecommendedItem> later = record.recommendations().take("CTEM-1", List.of(4, 5), LEAD);
        assertEquals(2, later.size());
        assertEquals(List.of("PAY-API", "NEW-ADMIN-EXAMPLE-COM", "IDP"),
                record.scope().list("CTEM-2").stream().map(Surface::key).toList());
        assertEquals(4, logged("CTEM-1", LogAction.RECOMMENDATION_TAKEN).size());
        assertEquals(4, items().stream().filter(RecommendedItem::taken).count());
    }

    @Test
    public void takingRefusesUnknownAndTakenItemsAndChangesNothing() {
        fixture.open("CTEM-2");
        try {
            record.recommendations().take("CTEM-1", List.of(1), LEAD);
            fail("not handed over yet");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("has not been handed over"));
        }
        record.closure().handover("CTEM-1", new HandoverRequest(null, "CTEM-2", false, List.of(2)), LEAD);
        try {
            record.recommendations().take("CTEM-1", List.of(2, 99), LEAD);
            fail("taken and unknown");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("item 2 was already taken into CTEM-2"));
            assertTrue(e.getMessage(), e.getMessage().contains("recommended no item 99 (items 1 to 8)"));
        }
        assertEquals(List.of("SHOP"), record.scope().list("CTEM-2").stream().map(Surface::key).toList());
        record.stages().advance("CTEM-2", Stage.DISCOVERY, new GateOverride("moving on"), LEAD);
        try {
            record.recommendations().take("CTEM-1", List.of(3), LEAD);
            fail("next cycle left Scoping");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is in Discovery; recommended scope is taken while"));
        }
    }

    @Test
    public void aRunningCycleHasNoRecommendation() {
        fixture.open("CTEM-3");
        assertEquals(List.of(), record.recommendations().recommendation("CTEM-3"));
        CycleDraft draft = new CycleDraft("CTEM-4", "Q4", "", "2026-10-01", "2026-12-31", "14");
        Handover handover = record.closure().handover("CTEM-1", new HandoverRequest(draft, null, true), LEAD);
        assertEquals(List.of(), handover.taken());
    }
}
