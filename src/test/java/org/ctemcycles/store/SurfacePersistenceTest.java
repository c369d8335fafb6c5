package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The surface store (discovery's SurfaceRepository and the cycle record's ScopeRegister) on real Active Objects, on
 * H2 and on PostgreSQL. Validation and logging of surfaces belong to ScopeService (ScopeAndGatesPersistenceTest).
 */
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

    public SurfacePersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        ao = opened.database().activeObjects();
        repository = new AoSurfaceRepository(ao);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    private static List<ScopeRule> rules(String... written) {
        return java.util.Arrays.stream(written).map(ScopeRule::parse).toList();
    }

    @Test
    public void aSurfaceIsStoredWithEveryFieldAndItsRulesInOrder() {
        Surface payments = new Surface("PAYMENTS-API", "C-1", "Payments API", SurfaceKind.CUSTOMER_FACING_SYSTEM,
                "JIRAUSER10100", Criticality.CRITICAL, Exposure.INTERNET_FACING, "No KEV older than 14 days",
                rules("url:https://pay.example.com/api/", "HOST:*.Pay.Example.com", "ip:2001:db8:1::/48"));
        assertTrue(repository.add(payments));

        assertEquals(Optional.of(payments), repository.find("C-1", "PAYMENTS-API"));
        assertEquals(List.of(payments), repository.list("C-1"));
        assertEquals("rules keep their order and canonical form", List.of("url:https://pay.example.com/api/",
                "host:*.pay.example.com", "ip:2001:db8:1::/48"),
                repository.list("C-1").get(0).rules().stream().map(ScopeRule::toString).toList());
    }

    @Test
    public void unsetOwnerCriticalityExposureAndCriterionReadBackAsUnset() {
        Surface bare = new Surface("WEB", "C-1", "Web", SurfaceKind.BUSINESS_PROCESS, null, null, null, null, List.of());
        repository.add(bare);
        Surface stored = repository.find("C-1", "WEB").orElseThrow();
        assertEquals("", stored.businessOwner());
        assertEquals("", stored.successCriterion());
        assertEquals(null, stored.criticality());
        assertEquals(null, stored.exposure());
    }

    @Test
    public void keysAreUniquePerCycleAndTheDatabaseRefusesASecondRow() {
        Surface web = new Surface("WEB", "C-1", "Web", SurfaceKind.BUSINESS_PROCESS, null, null, null, null, List.of());
        assertTrue(repository.add(web));
        assertTrue(repository.add(new Surface("WEB", "C-2", "Web", SurfaceKind.BUSINESS_PROCESS, null, null, null,
                null, List.of())));
        Surface clash = new Surface("WEB", "C-1", "other node", SurfaceKind.IDENTITY_SURFACE, null, null, null, null,
                rules("host:x.example.com"));
        assertFalse(repository.insert(clash));
        assertEquals(2, ao.count(SurfaceEntity.class));
        assertEquals("nothing of the refused surface is stored", 0, ao.count(ScopeRuleEntity.class));
        assertEquals(Optional.of(web), repository.find("C-1", "WEB"));
    }

    @Test
    public void anUpdateReplacesTheDescriptionAndEveryRule() {
        repository.add(new Surface("DATA", "C-1", "Data", SurfaceKind.REGULATED_DATA_FLOW, "alice", Criticality.HIGH,
                Exposure.INTERNAL, "no PII exposure", rules("ip:10.20.0.0/16", "repo:github.com/example/etl")));
        Surface changed = new Surface("DATA", "C-1", "Customer data", SurfaceKind.REGULATED_DATA_FLOW, "bob",
                Criticality.CRITICAL, Exposure.INTERNET_FACING, "no PII exposure at all", rules("host:*.data.example"));
        repository.update(changed);

        assertEquals(Optional.of(changed), repository.find("C-1", "DATA"));
        assertEquals("the old rules are gone", 1, ao.count(ScopeRuleEntity.class));
        assertEquals(1, ao.count(SurfaceEntity.class));
    }
}
