package org.ctemcycles.store;

import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Retirement reads a source's live signals by the source's index or finding by finding (ADR 049): the same imports
 * into two cycles, one whose repository always reads by source and one whose repository always reads by finding,
 * leave the same findings fix candidates and the same signals retired, run after run: full and partial coverage,
 * declared and inferred surfaces, a partial run, findings that go and come back, a second tool of the same kind,
 * findings outside every surface.
 */
@RunWith(Parameterized.class)
public class RetirementByFindingTest {

    private static final String BY_SOURCE = "BY-SOURCE";
    private static final String BY_FINDING = "BY-FINDING";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private MutableClock clock;
    private DiscoveryService bySource;
    private DiscoveryService byFinding;
    private int reports;

    public RetirementByFindingTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        var ao = opened.database().activeObjects();
        clock = new MutableClock(Instant.parse("2026-11-02T08:00:00Z"));
        AoCycleRepository cycles = new AoCycleRepository(ao);
        AoSurfaceRepository surfaces = new AoSurfaceRepository(ao);
        for (String cycle : List.of(BY_SOURCE, BY_FINDING)) {
            cycles.insert(new Cycle(cycle, cycle, "", new Cadence(LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 12, 31), 14), Stage.DISCOVERY, clock.instant(), "lead"));
            surfaces.insert(new Surface("NET", cycle, "Network", SurfaceKind.BUSINESS_PROCESS, null, null, null, null,
                    List.of(ScopeRule.parse("ip:10.0.0.0/16"))));
            surfaces.insert(new Surface("LAB", cycle, "Lab", SurfaceKind.BUSINESS_PROCESS, null, null, null, null,
                    List.of(ScopeRule.parse("ip:10.1.0.0/16"))));
        }
        AoTransactions transactions = new AoTransactions(ao);
        bySource = new DiscoveryService(new AoDiscoveryRepository(ao, AoDiscoveryRepository.LiveSignalReads.BY_SOURCE),
                surfaces, cycles, transactions, clock);
        byFinding = new DiscoveryService(new AoDiscoveryRepository(ao,
                AoDiscoveryRepository.LiveSignalReads.BY_FINDING), surfaces, cycles, transactions, clock);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    /** What a scan reports: {@code plugins} plugins on hosts 1 to {@code hosts} of one network. */
    private record Hosts(String network, int hosts, int plugins) {
    }

    @Test
    public void bothReadsRetireTheSameSignals() {
        List<String> both = List.of("NET", "LAB");
        // hosts outside every surface: their findings and signals have none, and no coverage retires them
        Hosts outside = new Hosts("192.168.0.", 5, 1);
        scan("nessus", both, true, new Hosts("10.0.0.", 30, 4), new Hosts("10.1.0.", 10, 2), outside);
        // hosts 26 to 30 gone from the network
        assertRetired(scan("nessus", both, true, new Hosts("10.0.0.", 25, 4), new Hosts("10.1.0.", 10, 2),
                outside), 20);
        // the lab not scanned (not declared, no asset there): its findings stay; plugin 3 fixed, hosts 26-28 back
        scan("nessus", List.of("NET"), true, new Hosts("10.0.0.", 28, 3));
        // a partial run retires nothing
        scan("nessus", both, false, new Hosts("10.0.0.", 5, 2));
        // inferred coverage: only the hosts reported lose what they no longer report (plugin 2 on hosts 1 to 10)
        scan("nessus", List.of(), true, new Hosts("10.0.0.", 10, 2));
        // another tool of the same kind has signals of its own
        scan("openvas", both, true, new Hosts("10.0.0.", 28, 3));
        // the lab's findings gone; the network as before
        scan("nessus", both, true, new Hosts("10.0.0.", 28, 3));
        scan("openvas", both, true, new Hosts("10.0.0.", 20, 3));
        assertTrue(state(bySource, BY_SOURCE).values().stream().anyMatch(s -> s.startsWith("fix")));
    }

    private ImportSummary scan(String tool, List<String> declared, boolean complete, Hosts... reported) {
        clock.advance(Duration.ofDays(1));
        reports++;
        ImportSummary first = null;
        for (String cycle : List.of(BY_SOURCE, BY_FINDING)) {
            DiscoveryService discovery = cycle.equals(BY_SOURCE) ? bySource : byFinding;
            ImportPlan plan = discovery.plan(cycle, null, declared);
            for (Hosts hosts : reported) {
                for (int h = 1; h <= hosts.hosts(); h++) {
                    for (int p = 0; p < hosts.plugins(); p++) {
                        plan.add(ObservationBuilder.nessus().tool(tool).ruleId(String.valueOf(10_000 + p))
                                .host(hosts.network() + h).build());
                    }
                }
            }
            ImportSummary summary = discovery.record(plan, new RunRequest("nessus", "scan.nessus",
                    String.format("%064x", reports), null, null, null, null, "lead", complete, List.of()));
            if (first == null) {
                first = summary;
            } else {
                assertEquals("scan " + reports, first.counts(), summary.counts());
            }
        }
        assertEquals("scan " + reports, state(bySource, BY_SOURCE), state(byFinding, BY_FINDING));
        return first;
    }

    private static void assertRetired(ImportSummary summary, int fixCandidates) {
        assertEquals(fixCandidates, summary.counts().fixCandidates());
    }

    /** Per finding (by identity): whether it is a fix candidate, and each signal's tool, time and whether it lives. */
    private static Map<String, String> state(DiscoveryService discovery, String cycle) {
        Map<String, String> out = new TreeMap<>();
        for (Finding finding : discovery.findings(cycle)) {
            StringBuilder text = new StringBuilder(finding.fixCandidate() ? "fix" : "open");
            for (Signal signal : discovery.signals(finding.id())) {
                text.append(' ').append(signal.tool()).append('@').append(signal.seenAt())
                        .append(signal.deletedAt() == null ? "" : "-retired");
            }
            out.put(finding.identity().hash(), text.toString());
        }
        return out;
    }
}
