package org.ctemcycles.store;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.app.ReportImport;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.SarifReportWriter;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The whole import path (a SARIF report read, deduplicated, written, and taken into the register in one transaction)
 * costs a number of SQL statements that grows with the number of batches, not of findings, on H2 and PostgreSQL:
 * counted beneath Active Objects by a wrapping DataSource. A re-scan of unchanged findings writes no finding row.
 */
@RunWith(Parameterized.class)
public class ImportStatementCountTest {

    private static final String LEAD = "lead";
    private static final int SMALL = 50;
    private static final int LARGE = 3_000;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final TestDatabase database;
    private final CountingDataSource counting = new CountingDataSource();
    private TestDatabase.Opened opened;
    private CycleRecord record;
    private MutableClock clock;

    public ImportStatementCountTest(TestDatabase database) {
        this.database = database;
    }

    @Before
    public void openDatabase() {
        opened = database.open(EmbeddedDatabase.Options.app().withDataSourceWrapper(counting::wrap));
        clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
        record = CycleRecord.overStore(opened.database().activeObjects(), new LocalIssueTracker("SEC"),
                (user, cycle) -> LEAD.equals(user), clock);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    /** What one import cost: its statements, and how many of them changed finding rows. */
    private record Cost(int statements, int findingUpdates, int batches, List<String> sql) {
    }

    private void cycle(String key) {
        record.cycles().create(new CycleDraft(key, "statements", "", "2026-10-01", "2026-12-31", "14"), LEAD);
        record.scope().add(key, new SurfaceDraft("APP", "Shop", "customer-facing-system", null, null, null, null,
                List.of("repo:github.com/example/shop")), LEAD);
    }

    private Cost importReport(String cycle, int findings, int scan) throws Exception {
        Path report = folder.newFile().toPath();
        SarifReportWriter.write(report, findings, 1, scan);
        clock.advance(Duration.ofDays(1));
        counting.reset();
        ReportImport.Result result = record.imports(ImportLimits.defaults()).read(report,
                new ReportImport.Options(cycle, null, null, List.of("APP"), null, null, LEAD));
        assertEquals(findings, result.summary().counts().observations());
        List<String> sql = counting.statements();
        int updates = (int) sql.stream().map(s -> s.toUpperCase(Locale.ROOT).replace("\"", ""))
                .filter(s -> s.startsWith("UPDATE") && s.matches("UPDATE \\S*_FINDING .*")).count();
        int batches = (int) sql.stream().filter(s -> s.toUpperCase(Locale.ROOT).startsWith("INSERT")
                || s.equals(CountingDataSource.COPY)).count();
        return new Cost(sql.size(), updates, batches, sql);
    }

    @Test
    public void anImportCostsStatementsPerBatchNotPerFinding() throws Exception {
        cycle("SMALL");
        cycle("LARGE");
        Cost small = importReport("SMALL", SMALL, 1);
        Cost large = importReport("LARGE", LARGE, 1);
        System.out.printf("[ctem] %s: importing %d new findings cost %d statements, %d new findings %d%n", database,
                SMALL, small.statements(), LARGE, large.statements());
        // per 1,000 findings: the chunk's keys (2 IN queries of 500), later sightings, the batch insert, the new ids
        // (2), the signals' batch insert, and the register's look-up; the intake adds its batch and one log entry
        assertTrue(LARGE + " findings: " + large.statements() + " statements (" + SMALL + ": " + small.statements()
                + ")", large.statements() <= small.statements() + 12 * (LARGE / 1_000));
        assertTrue("far fewer statements than findings: " + large.statements(), large.statements() < LARGE / 30);
        // the batch inserts are among the statements counted (INSERT batches, or COPYs on PostgreSQL: ADR 043): the
        // run, then per chunk of 1,000 its findings and their signals, then the register's intake and its log entry
        assertTrue("batch inserts counted: " + large.sql(), large.batches() >= 2 * (LARGE / 1_000) + 2);
        List<String> findingInserts = large.sql().stream().map(s -> s.toUpperCase(Locale.ROOT).replace("\"", ""))
                .filter(s -> s.matches("INSERT INTO \\S*_FINDING \\(.*")).toList();
        long findingRowInserts = large.sql().stream().map(s -> s.toUpperCase(Locale.ROOT).replace("\"", ""))
                .filter(s -> s.matches("INSERT INTO \\S*_(FINDING|FINDING_SIGNAL|REGISTER_ENTRY) .*")).count();
        if (database.toString().equals("PostgreSQL")) {
            assertTrue("batch inserts per chunk, not per finding: " + large.batches(),
                    large.batches() <= 4 * (LARGE / 1_000) + 4);
            assertEquals("the findings, signals and register entries are COPYs: " + large.sql(), 0, findingRowInserts);
            assertTrue(large.sql().toString(), large.sql().contains(CountingDataSource.COPY));
        } else {
            // a batch insert is at most two statements: its rows 1,000 values' worth a statement as one JDBC batch,
            // then one statement for the rest (ADR 053)
            assertTrue("batch inserts per chunk, not per finding: " + large.batches(),
                    large.batches() <= 2 * (4 * (LARGE / 1_000) + 4));
            assertTrue("H2 has no COPY: " + large.sql(), findingRowInserts > 0);
            // each chunk of 1,000 findings: 1,000 values' worth of rows a statement (45 of a finding's 22 columns),
            // then the chunk's last rows in one statement of their own
            String full = findingInserts.get(0);
            int perStatement = 1_000 / columnsNamed(full);
            assertTrue(full, perStatement > 1);
            assertEquals(full, perStatement, rowsNamed(full));
            assertEquals(findingInserts.toString(), (LARGE / 1_000) * (1_000 % perStatement == 0 ? 1 : 2),
                    findingInserts.size());
            if (1_000 % perStatement != 0) {
                assertEquals(findingInserts.get(1), 1_000 % perStatement, rowsNamed(findingInserts.get(1)));
            }
        }
        assertEquals("the register is looked up once per chunk of 1,000, not asked again when the run is entered",
                LARGE / 1_000, registerLookUps(large));
    }

    /** How many rows an INSERT statement names: its groups of parameters. */
    private static int rowsNamed(String insert) {
        return insert.substring(insert.indexOf(" VALUES ")).split("\\(", -1).length - 1;
    }

    /** How many columns an INSERT statement names. */
    private static int columnsNamed(String insert) {
        return insert.substring(0, insert.indexOf(" VALUES ")).split(",", -1).length;
    }

    /** Statements that look up register entries by their keys (an IN list, or a range and its count). */
    private static long registerLookUps(Cost cost) {
        return cost.sql().stream().map(s -> s.toUpperCase(Locale.ROOT).replace("\"", ""))
                .filter(s -> s.startsWith("SELECT") && s.contains("_REGISTER_ENTRY") && s.contains("ENTRY_KEY "))
                .count();
    }

    @Test
    public void aRescanOfUnchangedFindingsWritesNoFindingRow() throws Exception {
        cycle("SMALL");
        cycle("LARGE");
        importReport("SMALL", SMALL, 1);
        importReport("LARGE", LARGE, 1);
        Cost small = importReport("SMALL", SMALL, 2);
        Cost large = importReport("LARGE", LARGE, 2);
        System.out.printf("[ctem] %s: re-scanning %d unchanged findings cost %d statements, %d findings %d%n",
                database, SMALL, small.statements(), LARGE, large.statements());
        assertEquals("no finding row changes when only the message text did: " + large.sql(), 0,
                large.findingUpdates());
        assertEquals("a re-scan that is the cycle's newest asks no chunk for later sightings", 0,
                large.sql().stream().filter(s -> s.toUpperCase(Locale.ROOT).replace("\"", "")
                        .contains("SEEN_AT_MILLIS >")).count());
        assertTrue(LARGE + " findings: " + large.statements() + " statements (" + SMALL + ": " + small.statements()
                + ")", large.statements() <= small.statements() + 12 * (LARGE / 1_000));
        assertTrue("far fewer statements than findings: " + large.statements(), large.statements() < LARGE / 30);
    }
}
