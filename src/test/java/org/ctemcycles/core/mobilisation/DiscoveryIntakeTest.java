package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.testing.DirectTransactions;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The rules of taking a discovery run into the register ({@link DiscoveryIntake}), over in-memory ports with
 * discovery's answers given by hand: newcomers enter, resolved findings seen again reopen, residual findings a run
 * no longer saw on a surface it covered are verified, an old run replays nothing, the import is logged once.
 */
public class DiscoveryIntakeTest extends InMemoryRecordTest {

    private static final Instant AT = Instant.parse("2026-07-02T09:00:00Z");
    private final DiscoveryService discovery = mock(DiscoveryService.class);
    private final List<Finding> findings = new ArrayList<>();
    private DiscoveryIntake intake;

    public DiscoveryIntakeTest() {
        super("2026-07-02");
    }

    @Before
    public void open() {
        fixture.open("CTEM-1");
        intake = new DiscoveryIntake(record.cycles(), discovery, record.mobilisation(), record.log(),
                new DirectTransactions(), fixture.clock);
        when(discovery.findings("CTEM-1")).thenReturn(findings);
        // the intake reads a recorded run's findings back a page at a time: here every finding, in one page
        org.mockito.Mockito.doAnswer(call -> {
            call.<java.util.function.Consumer<List<Finding>>>getArgument(3).accept(List.copyOf(findings));
            return null;
        }).when(discovery).findingsOfRun(org.mockito.ArgumentMatchers.eq("CTEM-1"),
                org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.doAnswer(call -> {
            long run = call.getArgument(1);
            call.<java.util.function.Consumer<List<Finding>>>getArgument(3).accept(findings.stream()
                    .filter(f -> f.fixCandidateRunId() == run).toList());
            return null;
        }).when(discovery).fixCandidatesOfRun(org.mockito.ArgumentMatchers.eq("CTEM-1"),
                org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.any());
        when(discovery.runs("CTEM-1")).thenReturn(List.of(run(7), run(8)));
    }

    private static DiscoveryRun run(long id) {
        return new DiscoveryRun(id, "CTEM-1", SourceKind.EXTERNAL_SCAN, "ZAP", "2.16", "zap-json", "zap.json",
                "ab".repeat(32), AT, AT, "importer", true, List.of("PAY-API"), List.of("PAY-API"),
                new RunCounts(3, 2, 1, 1, 1, 0, 0), List.of());
    }

    /** A finding whose key is F-000000000000000{digit}, last seen by run {@code lastRun}. */
    private Finding finding(int digit, String surface, long lastRun, long fixCandidateRun) {
        String hash = ("000000000000000" + digit).repeat(4);
        Finding f = new Finding(digit, "CTEM-1", new FindingIdentity(FindingIdentity.Kind.RULE, hash), surface,
                Asset.of(new AssetRef(AssetKind.HOST, "h" + digit + ".example.com")), "title", "ZAP", "10202", "/",
                ObservedSeverity.HIGH, FindingStatus.OPEN, List.of(), List.of(), List.of(), AT, AT, lastRun,
                lastRun, fixCandidateRun);
        findings.add(f);
        return f;
    }

    private static ImportSummary summary(long run, boolean again) {
        return new ImportSummary(run, again, true, SourceKind.EXTERNAL_SCAN, new RunCounts(3, 2, 1, 1, 1, 0, 0),
                List.of("PAY-API"), List.of());
    }

    @Test
    public void inScopeNewcomersEnterAndTheImportIsLoggedOnce() {
        Finding a = finding(1, "PAY-API", 7, 0);
        finding(2, null, 7, 0); // out of scope: never enters
        assertEquals(new DiscoveryIntake.Outcome(1, 0, 0), intake.take("ctem-1", summary(7, false), "importer"));
        assertEquals(List.of(a.key()), record.mobilisation().register("CTEM-1").stream()
                .map(RegisterEntry::findingKey).toList());
        List<LogEntry> imported = logged("CTEM-1", LogAction.IMPORTED);
        assertEquals(1, imported.size());
        assertEquals("run:7", imported.get(0).subject());
        assertTrue(imported.get(0).after(), imported.get(0).after().contains("\"tool\":\"ZAP\""));
        assertTrue(imported.get(0).after(), imported.get(0).after().contains("\"newFindings\":\"2\""));
        assertEquals(new DiscoveryIntake.Outcome(0, 0, 0), intake.take("CTEM-1", summary(7, true), "importer"));
        assertEquals("a repeated intake logs nothing again", 1, logged("CTEM-1", LogAction.IMPORTED).size());
    }

    @Test
    public void aResolvedFindingSeenAgainReopensAndAResidualOneNoLongerSeenIsVerified() {
        Finding fixed = finding(1, "PAY-API", 8, 0);
        Finding gone = finding(2, "PAY-API", 7, 8);
        Finding stillOpenElsewhere = finding(3, "PAY-API", 7, 0);
        intake.take("CTEM-1", summary(7, false), "importer");
        record.mobilisation().changeStatus("CTEM-1", fixed.key(), "resolved", "", "bob");
        assertEquals(new DiscoveryIntake.Outcome(0, 1, 1), intake.take("CTEM-1", summary(8, false), "importer"));
        assertEquals(FindingStatus.REOPENED, record.mobilisation().entry("CTEM-1", fixed.key()).status());
        assertEquals(FindingStatus.VERIFIED, record.mobilisation().entry("CTEM-1", gone.key()).status());
        assertEquals(FindingStatus.OPEN, record.mobilisation().entry("CTEM-1", stillOpenElsewhere.key()).status());
        LogEntry reopened = logged("CTEM-1", LogAction.STATUS_CHANGED).stream()
                .filter(e -> e.subject().equals("finding:" + fixed.key())).reduce((x, y) -> y).orElseThrow();
        assertTrue(reopened.after(), reopened.after().contains("seen again by discovery run run 8"));
    }

    @Test
    public void anOldRunReplaysNothing() {
        Finding fixed = finding(1, "PAY-API", 8, 0);
        Finding gone = finding(2, "PAY-API", 7, 8);
        intake.take("CTEM-1", summary(7, false), "importer");
        record.mobilisation().changeStatus("CTEM-1", fixed.key(), "resolved", "", "bob");
        assertEquals(new DiscoveryIntake.Outcome(0, 0, 0), intake.take("CTEM-1", summary(8, true), "importer"));
        assertEquals(FindingStatus.RESOLVED, record.mobilisation().entry("CTEM-1", fixed.key()).status());
        assertEquals(FindingStatus.OPEN, record.mobilisation().entry("CTEM-1", gone.key()).status());
    }

    @Test
    public void aRunTheCycleDoesNotHoldIsAnError() {
        try {
            intake.take("CTEM-1", summary(99, false), "importer");
            fail();
        } catch (IllegalStateException e) {
            assertEquals("run 99 is not in CTEM-1", e.getMessage());
        }
    }
}
