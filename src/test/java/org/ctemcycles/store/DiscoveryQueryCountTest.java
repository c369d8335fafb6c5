package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.testing.CountingActiveObjects;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * No N+1 on the import path: the database calls an import makes grow with the number of chunks (500 ids per IN
 * query, 1,000 rows per batch insert), not with the number of observations or findings.
 */
@RunWith(Parameterized.class)
public class DiscoveryQueryCountTest {

    private static final String CYCLE = "CTEM-N1";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private CountingActiveObjects counting;
    private MutableClock clock;
    private DiscoveryService discovery;
    private int reports;

    public DiscoveryQueryCountTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        counting = new CountingActiveObjects(opened.database().activeObjects());
        clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
        AoCycleRepository cycles = new AoCycleRepository(counting.activeObjects());
        cycles.insert(new Cycle(CYCLE, "n+1", "", new Cadence(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), 14),
                Stage.DISCOVERY, clock.instant(), "lead"));
        AoSurfaceRepository surfaces = new AoSurfaceRepository(counting.activeObjects());
        surfaces.insert(new org.ctemcycles.core.scope.Surface("NET", CYCLE, "Network",
                org.ctemcycles.core.scope.SurfaceKind.BUSINESS_PROCESS, null, null, null, null,
                List.of(org.ctemcycles.core.scope.ScopeRule.parse("ip:10.0.0.0/8"))));
        discovery = new DiscoveryService(new AoDiscoveryRepository(counting.activeObjects()), surfaces, cycles,
                new AoTransactions(counting.activeObjects()), clock);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    /** A Nessus-like report: {@code hosts} hosts with {@code plugins} plugins each. */
    private ImportSummary scan(int hosts, int plugins, int pluginOffset) {
        return scan("Nessus", 0, hosts, plugins, pluginOffset);
    }

    /** A complete scan by {@code tool} of the hosts {@code firstHost} to {@code firstHost + hosts - 1}. */
    private ImportSummary scan(String tool, int firstHost, int hosts, int plugins, int pluginOffset) {
        ImportPlan plan = discovery.plan(CYCLE, null, List.of("NET"));
        for (int h = firstHost; h < firstHost + hosts; h++) {
            for (int p = 0; p < plugins; p++) {
                plan.add(ObservationBuilder.nessus().tool(tool).ruleId(String.valueOf(10_000 + pluginOffset + p))
                        .host("10.0." + (h / 250) + "." + (h % 250 + 1)).build());
            }
        }
        clock.advance(Duration.ofDays(1));
        counting.reset();
        return discovery.record(plan, new RunRequest("nessus", "scan.nessus", String.format("%064x", ++reports),
                null, null, null, null, "lead", true, List.of()));
    }

    @Test
    public void importCostsTheSameNumberOfCallsForTwentyOrSevenHundredObservations() {
        // another tool's run first: a cycle's first run has nothing to retire and skips retirement (ADR 049), so
        // both runs measured below retire what their source no longer sees, and only their size differs
        scan("Qualys", 900, 1, 1, 0);
        ImportSummary small = scan(4, 5, 0);
        assertEquals(20, small.counts().newFindings());
        int smallCalls = counting.total();
        // three of them count the cycle's other runs, the source's live signals and the cycle's findings, to know
        // whether and how to read the live signals (ADR 049)
        assertTrue("20 findings: " + smallCalls + " calls " + counting.byMethod(), smallCalls <= 13);

        ImportSummary large = scan(140, 5, 0);
        assertEquals(680, large.counts().newFindings());
        assertEquals(20, large.counts().merged());
        int largeCalls = counting.total();
        // the extra calls: 700 keys are looked up by their range, 20 in an IN list (fewer than 50 are), and a range
        // is counted before it is read (ADR 039): a COUNT each for the known findings' look-up and the new ids'
        // read-back
        assertTrue("700 observations: " + largeCalls + " calls (20: " + smallCalls + ") " + counting.byMethod(),
                largeCalls <= smallCalls + 3);
    }

    @Test
    public void aRescanThatMergesAndRetiresCostsABoundedNumberOfCalls() {
        scan(100, 7, 0);
        ImportSummary rescan = scan(100, 6, 0);
        assertEquals(0, rescan.counts().newFindings());
        assertEquals(600, rescan.counts().merged());
        assertEquals(100, rescan.counts().fixCandidates());
        int calls = counting.total();
        assertTrue("re-scan of 600 findings retiring 100: " + calls + " calls " + counting.byMethod(), calls <= 16);
    }

    /**
     * A chunk's new findings get their ids back by the range of their keys ({@link KeyRangeReader}), also when known
     * findings of the cycle lie in that range: each finding of the second report (known or new, in identity order)
     * has exactly one signal of its run, so no new finding took another's id.
     */
    @Test
    public void newFindingsAmongKnownOnesGetTheirOwnIds() {
        scan(140, 2, 0);
        ImportSummary second = scan(140, 5, 0);
        // 700 keys in the range, 420 of them new: few enough other rows for the range to be read
        assertEquals(420, second.counts().newFindings());
        assertEquals(280, second.counts().merged());
        ActiveObjects ao = opened.database().activeObjects();
        Map<Integer, Integer> signals = new HashMap<>();
        for (FindingSignalEntity signal : ao.find(FindingSignalEntity.class,
                Query.select("ID, FINDING_ID").where("RUN_ID = ?", second.runId()))) {
            signals.merge((int) signal.getFindingId(), 1, Integer::sum);
        }
        FindingEntity[] findings = ao.find(FindingEntity.class, Query.select("ID").where("CYCLE_KEY = ?", CYCLE));
        assertEquals(700, findings.length);
        for (FindingEntity finding : findings) {
            assertEquals("signals of finding " + finding.getID(), Integer.valueOf(1), signals.get(finding.getID()));
        }
    }

    /**
     * Every re-scan leaves a live signal per finding it saw, so the source's live signals grow with its runs; the
     * sixth scan of the same 200 findings reads no more signal rows than the second (ADR 049), where reading them by
     * the source's index returned every live signal of the five scans before.
     */
    @Test
    public void retirementReadsAboutOneRowPerFindingHoweverOftenTheSourceScanned() throws Exception {
        if (!testDatabase.toString().equals("H2")) {
            return; // H2's statement statistics count the rows each SELECT returned
        }
        List<Long> signalRows = new java.util.ArrayList<>();
        long firstScansSignalSelects = -1;
        for (int scan = 1; scan <= 6; scan++) {
            startStatementStatistics();
            assertEquals(0, scan(40, 5, 0).counts().fixCandidates());
            signalRows.add(sumOverSelects("CUMULATIVE_ROW_COUNT",
                    sql -> sql.contains("FINDING_SIGNAL") && !sql.contains("COUNT(")));
            if (scan == 1) {
                firstScansSignalSelects = sumOverSelects("EXECUTION_COUNT", sql -> sql.contains("FINDING_SIGNAL"));
            }
        }
        assertEquals("the first scan has no live signal to read: " + signalRows, 0L, (long) signalRows.get(0));
        // the cycle has no other run: every live signal is the run's own, so none is read or even counted
        assertEquals("the first scan's SELECTs of signals", 0L, firstScansSignalSelects);
        assertTrue("signal rows read per scan: " + signalRows, signalRows.get(5) <= signalRows.get(1));
        assertTrue("signal rows read per scan: " + signalRows, signalRows.get(5) <= 200);
    }

    /**
     * The choice of ADR 049 itself: a source that covers its cycle alone and has scanned it often reads its live
     * signals finding by finding; a source sharing its cycle with another that scans as often keeps reading them by
     * the source's index (reading by finding would cost the other source's findings too). Told apart by the
     * statements H2 ran: the source's read names its surfaces, the finding-by-finding one the unseen findings' ids.
     */
    @Test
    public void retirementReadsFindingByFindingOnlyWhereThatPromisesFewerRows() throws Exception {
        if (!testDatabase.toString().equals("H2")) {
            return; // H2's statement statistics list the statements run
        }
        for (int scan = 1; scan <= 5; scan++) {
            scan("Nessus", 0, 40, 5, 0);
        }
        startStatementStatistics();
        assertEquals(10, scan("Nessus", 0, 38, 5, 0).counts().fixCandidates()); // two hosts' findings not seen
        assertEquals("alone, scanned often: not by the source's index", 0, liveSignalReadsBySource());
        assertEquals("alone, scanned often: the unseen findings' live signals", 1, liveSignalReadsByFinding());

        for (int scan = 1; scan <= 6; scan++) {
            scan("OpenVAS", 40, 40, 5, 0);
            scan("Nessus", 0, 40, 5, 0);
        }
        startStatementStatistics();
        assertEquals(10, scan("Nessus", 0, 38, 5, 0).counts().fixCandidates());
        assertEquals("shared with a source that scans as often: by the source's index", 1, liveSignalReadsBySource());
        assertEquals("shared: not finding by finding", 0, liveSignalReadsByFinding());
    }

    /** The SELECTs of a source's live signals by its index (their surfaces named), as H2 ran them. */
    private long liveSignalReadsBySource() throws Exception {
        return sumOverSelects("EXECUTION_COUNT", sql -> sql.contains("FINDING_SIGNAL") && !sql.contains("COUNT(")
                && sql.contains("SURFACE_KEY IN"));
    }

    /** The SELECTs of live signals by their findings' ids (ADR 049), as H2 ran them. */
    private long liveSignalReadsByFinding() throws Exception {
        return sumOverSelects("EXECUTION_COUNT", sql -> sql.contains("FINDING_SIGNAL") && sql.contains("TOOL_KEY")
                && sql.contains("DELETED_AT_MILLIS = 0 AND FINDING_ID IN"));
    }

    @Test
    public void updatesOfKnownRowsReadNothing() throws Exception {
        if (!testDatabase.toString().equals("H2")) {
            return; // H2's statement statistics see every SELECT, also those AO would make lazily
        }
        scan(50, 4, 0);
        startStatementStatistics();
        scan(50, 3, 0);
        long selects = sumOverSelects("EXECUTION_COUNT", sql -> sql.contains("AO_"));
        // one count of the cycle's other runs (whether any signal can be retired), then two counts (live signals,
        // findings) choose how retirement reads the live signals (ADR 049)
        assertTrue("150 merged, 50 retired: " + selects + " SELECTs", selects <= 15);
    }

    /** H2's statement statistics from now on, those gathered before forgotten. */
    private void startStatementStatistics() throws Exception {
        try (Connection c = opened.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS TRUE");
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        }
    }

    /** The sum of a column of H2's statement statistics over the SELECTs whose upper-cased text {@code which} takes. */
    private long sumOverSelects(String column, java.util.function.Predicate<String> which) throws Exception {
        long sum = 0;
        try (Connection c = opened.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, " + column
                     + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rs.next()) {
                String sql = rs.getString(1).trim().toUpperCase();
                if (sql.startsWith("SELECT") && which.test(sql)) {
                    sum += rs.getLong(2);
                }
            }
        }
        return sum;
    }
}
