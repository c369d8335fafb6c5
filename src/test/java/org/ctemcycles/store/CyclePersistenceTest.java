package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
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
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The cycle service on real Active Objects, on H2 and on PostgreSQL. */
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
    public void openedCycleIsListedAndShownWithEveryField() {
        Cycle created = service.create(new CycleDraft("  ctem-2026-q3 ", " Q3 payments ", "Cut KEV exposure",
                "2026-07-01", "2026-09-30", "21"), "JIRAUSER10100");

        assertEquals("CTEM-2026-Q3", created.key());
        Cycle shown = service.get("ctem-2026-q3");
        assertEquals(created, shown);
        assertEquals("Q3 payments", shown.name());
        assertEquals("Cut KEV exposure", shown.objective());
        assertEquals(LocalDate.of(2026, 7, 1), shown.cadence().start());
        assertEquals(LocalDate.of(2026, 9, 30), shown.cadence().plannedEnd());
        assertEquals(21, shown.cadence().checkpointIntervalDays());
        assertEquals(Stage.SCOPING, shown.stage());
        assertEquals(NOW, shown.createdAt());
        assertEquals("JIRAUSER10100", shown.createdBy());
        assertEquals(List.of(created), service.list());
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
    public void duplicateKeyIsRejectedAndTheFirstCycleIsUnchanged() {
        Cycle first = service.create(draft("CTEM-1", "First"), "lead");
        try {
            service.create(draft("ctem-1", "Second"), "lead");
            fail("a duplicate key must be rejected");
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("key", "a cycle with key 'CTEM-1' already exists")), e.problems());
        }
        assertEquals(1, ao.count(CycleEntity.class));
        assertEquals(first, service.get("CTEM-1"));
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
    public void everyProblemOfADraftIsReportedWithItsFieldAndNothingIsStored() {
        try {
            service.create(new CycleDraft("9lives", " ", null, "2026-02-30", "tomorrow", "0"), "lead");
            fail("the draft is invalid");
        } catch (InvalidInputException e) {
            assertEquals(List.of("key", "name", "start", "plannedEnd", "checkpointIntervalDays"),
                    e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("'2026-02-30' is not a date of the form YYYY-MM-DD"));
        }
        assertEquals(0, ao.count(CycleEntity.class));
    }

    @Test
    public void emptyNameIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "", "", "2026-07-01", "2026-09-30", ""), "name", "is required");
    }

    @Test
    public void plannedEndBeforeStartIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "Q3", "", "2026-09-30", "2026-07-01", ""), "plannedEnd",
                "the planned end (2026-07-01) must be after the start (2026-09-30)");
    }

    @Test
    public void plannedEndOnTheStartDayIsRejected() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "Q3", "", "2026-07-01", "2026-07-01", ""), "plannedEnd",
                "the planned end (2026-07-01) must be after the start (2026-07-01)");
    }

    @Test
    public void tooLongNameIsRejectedWithItsLength() {
        assertOnlyProblem(new CycleDraft("CTEM-1", "n".repeat(256), "", "2026-07-01", "2026-09-30", ""), "name",
                "is 256 characters long; at most 255 are allowed");
    }

    @Test
    public void blankCheckpointIntervalTakesTheDefault() {
        Cycle cycle = service.create(new CycleDraft("CTEM-1", "Q3", null, "2026-07-01", "2026-09-30", " "), "lead");
        assertEquals(CycleService.DEFAULT_CHECKPOINT_INTERVAL_DAYS, service.get("CTEM-1").cadence().checkpointIntervalDays());
        assertEquals("", cycle.objective());
    }

    @Test
    public void longObjectiveAndHostileTextAreStoredVerbatim() {
        String objective = "Close every KEV on internet-facing payment hosts. ".repeat(150);
        String name = "<script>alert(1)</script> ‘Q3’ ünïcødé 'quoted' \"double\"";
        service.create(new CycleDraft("CTEM-X", name, objective, "2026-07-01", "2026-09-30", ""), "lead");
        Cycle stored = service.get("CTEM-X");
        assertEquals(name, stored.name());
        assertEquals(objective.trim(), stored.objective());
    }

    @Test
    public void listShowsNewestStartFirstThenByKey() {
        service.create(new CycleDraft("B-OLD", "old", "", "2026-01-01", "2026-03-31", ""), "lead");
        service.create(new CycleDraft("C-NEW", "new", "", "2026-07-01", "2026-09-30", ""), "lead");
        service.create(new CycleDraft("A-NEW", "new too", "", "2026-07-01", "2026-09-30", ""), "lead");
        assertEquals(List.of("A-NEW", "C-NEW", "B-OLD"),
                service.list().stream().map(Cycle::key).collect(Collectors.toList()));
    }

    @Test
    public void unknownKeyIsNamedInTheError() {
        try {
            service.get("nope-1");
            fail();
        } catch (NotFoundException e) {
            assertEquals("no CTEM cycle with key 'NOPE-1'", e.getMessage());
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

    private void assertOnlyProblem(CycleDraft draft, String field, String message) {
        try {
            service.create(draft, "lead");
            fail("expected " + field + ": " + message);
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem(field, message)), e.problems());
        }
        assertEquals(0, ao.count(CycleEntity.class));
    }
}
