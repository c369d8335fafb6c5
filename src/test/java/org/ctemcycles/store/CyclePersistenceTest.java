package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Cycles on real Active Objects, on H2 and on PostgreSQL: the table, the unique key under a race, rollback. (The rules: core/cycle/CycleServiceTest.) */
@RunWith(Parameterized.class)
public class CyclePersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;
    private CycleService service;

    public CyclePersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        ao = opened.database().activeObjects();
        service = new CycleService(new AoCycleRepository(ao), new AoActivityLog(ao), new AoTransactions(ao),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    private static CycleDraft draft(String key, String name) {
        return new CycleDraft(key, name, "Reduce exposure of the payment platform", "2026-07-01", "2026-09-30", "14");
    }

    @Test
    public void tablesCarryJirasActiveObjectsPrefix() throws Exception {
        String expected = opened.database().tablePrefix().value() + "CYCLE";
        assertTrue(expected.matches("AO_[0-9A-F]{6}_CYCLE"));
        Set<String> tables = new java.util.HashSet<>();
        Set<String> columns = new java.util.HashSet<>();
        try (Connection c = opened.database().dataSource().getConnection()) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toUpperCase());
                }
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, null, null, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(expected)) {
                        columns.add(rs.getString("COLUMN_NAME").toUpperCase());
                    }
                }
            }
        }
        assertTrue(tables + " should contain " + expected, tables.contains(expected));
        assertTrue(columns.toString(), columns.containsAll(Set.of("ID", "CYCLE_KEY", "NAME", "OBJECTIVE",
                "START_DATE", "PLANNED_END", "CHECKPOINT_INTERVAL_DAYS", "STAGE", "CREATED_AT_MILLIS", "CREATED_BY")));
        assertTrue(ao.moduleMetaData().isTablePresent(CycleEntity.class));
    }

    @Test
    public void theDatabaseItselfRefusesASecondRowWithTheSameKey() {
        Cycle first = service.create(draft("CTEM-1", "First"), "lead");
        AoCycleRepository repository = new AoCycleRepository(ao);
        Cycle clash = new Cycle("CTEM-1", "Other node", "", first.cadence(), Stage.SCOPING, NOW, "other");

        assertFalse(repository.insert(clash));
        assertEquals(1, ao.count(CycleEntity.class));
        assertEquals("First", service.get("CTEM-1").name());
    }

    @Test
    public void concurrentCreatorsOfOneKeyGetOneCycleAndOneClearError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : List.of("Node A", "Node B")) {
                Callable<String> create = () -> {
                    go.await();
                    try {
                        return service.create(draft("RACE", name), "lead").name();
                    } catch (InvalidInputException e) {
                        return e.problems().get(0).toString();
                    }
                };
                outcomes.add(pool.submit(create));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertEquals(results.toString(), 1, results.stream().filter(r -> r.startsWith("Node")).count());
            assertTrue(results.toString(), results.contains("key: a cycle with key 'RACE' already exists"));
            assertEquals(1, ao.count(CycleEntity.class));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aFailedTransactionLeavesNothingBehind() {
        try {
            ao.executeInTransaction(() -> {
                new AoCycleRepository(ao).insert(new Cycle("TX-1", "in tx", "", draftCadence(), Stage.SCOPING, NOW, "x"));
                throw new IllegalStateException("boom");
            });
            fail();
        } catch (RuntimeException e) {
            assertTrue(String.valueOf(e), String.valueOf(e).contains("boom"));
        }
        assertEquals(0, ao.count(CycleEntity.class));
    }

    private static org.ctemcycles.core.cycle.Cadence draftCadence() {
        return new org.ctemcycles.core.cycle.Cadence(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), 14);
    }

}
