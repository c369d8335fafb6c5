package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceDraft;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.core.scope.SurfaceService;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

/** Surface registration with scope rules on real Active Objects, on H2 and on PostgreSQL. */
@RunWith(Parameterized.class)
public class SurfacePersistenceTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;
    private AoSurfaceRepository repository;
    private SurfaceService service;

    public SurfacePersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        ao = opened.database().activeObjects();
        AoCycleRepository cycles = new AoCycleRepository(ao);
        for (String key : List.of("C-1", "C-2")) {
            cycles.insert(new Cycle(key, key, "", new Cadence(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), 14),
                    Stage.SCOPING, Instant.parse("2026-07-01T00:00:00Z"), "lead"));
        }
        repository = new AoSurfaceRepository(ao);
        service = new SurfaceService(repository, cycles);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    @Test
    public void aSurfaceIsStoredWithEveryFieldAndItsRulesInOrder() {
        Surface registered = service.register(new SurfaceDraft(" c-1 ", "payments-api", " Payments API ",
                "Customer Facing System", "JIRAUSER10100", "critical", "internet-facing", "No KEV older than 14 days",
                List.of("url:https://pay.example.com/api/", "host:*.pay.example.com", "HOST:*.Pay.Example.com",
                        "ip:2001:db8:1::/48")));
        assertEquals("PAYMENTS-API", registered.key());
        assertEquals("C-1", registered.cycleKey());
        assertEquals(Optional.of(registered), repository.find("C-1", "PAYMENTS-API"));
        Surface stored = service.list("c-1").get(0);
        assertEquals(registered, stored);
        assertEquals("Payments API", stored.name());
        assertEquals(SurfaceKind.CUSTOMER_FACING_SYSTEM, stored.kind());
        assertEquals(Criticality.CRITICAL, stored.criticality());
        assertEquals(Exposure.INTERNET_FACING, stored.exposure());
        assertEquals("a rule written twice is kept once", List.of("url:https://pay.example.com/api/",
                "host:*.pay.example.com", "ip:2001:db8:1::/48"), stored.rules().stream().map(ScopeRule::toString).toList());
    }

    @Test
    public void keysAreUniquePerCycleOnly() {
        service.register(new SurfaceDraft("C-1", "WEB", "Web", "business-process", null, null, null, null, List.of()));
        service.register(new SurfaceDraft("C-2", "WEB", "Web", "business-process", null, null, null, null, List.of()));
        try {
            service.register(new SurfaceDraft("C-1", "web", "Web again", "business-process", null, null, null, null, List.of()));
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("key", "cycle C-1 already has a surface with key 'WEB'")), e.problems());
        }
        Surface clash = new Surface("WEB", "C-1", "other node", SurfaceKind.IDENTITY_SURFACE, null, null, null, null,
                List.of(ScopeRule.parse("host:x.example.com")));
        assertFalse("the database refuses the second row", repository.insert(clash));
        assertEquals(2, ao.count(SurfaceEntity.class));
        assertEquals(0, ao.count(ScopeRuleEntity.class));
        assertEquals(List.of("WEB"), service.list("C-2").stream().map(Surface::key).toList());
    }

    @Test
    public void everyProblemIsReportedAndNothingIsStored() {
        try {
            service.register(new SurfaceDraft("C-1", "9x", "", "api", null, "urgent", "dmz", null,
                    List.of("host:ok.example.com", "ip:300.0.0.1", "web01")));
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("key", "name", "kind", "criticality", "exposure", "rule", "rule"),
                    e.problems().stream().map(Problem::field).toList());
            assertEquals("criticality: 'urgent' is not one of critical, high, medium, low", e.problems().get(3).toString());
            assertEquals("exposure: 'dmz' is not one of internet-facing, internal", e.problems().get(4).toString());
        }
        assertEquals(0, ao.count(SurfaceEntity.class));
        assertEquals(0, ao.count(ScopeRuleEntity.class));
    }

    @Test
    public void anUnknownCycleIsNamed() {
        try {
            service.register(new SurfaceDraft("nope", "WEB", "Web", "business-process", null, null, null, null, List.of()));
            fail();
        } catch (NotFoundException e) {
            assertEquals("no CTEM cycle with key 'NOPE'", e.getMessage());
        }
    }
}
