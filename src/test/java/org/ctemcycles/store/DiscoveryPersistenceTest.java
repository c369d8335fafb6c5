package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.CoverageRecord;
import org.ctemcycles.core.discovery.CoverageState;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.ManualFindingDraft;
import org.ctemcycles.core.discovery.ManualIntakeResult;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.Signal;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.TableIndexes;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Discovery on real Active Objects, on H2 and on PostgreSQL: dedup into findings with signals, idempotent
 * re-import, scope mapping, coverage, fix candidates, manual intake, one transaction per run.
 */
@RunWith(Parameterized.class)
public class DiscoveryPersistenceTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T08:00:00Z");
    private static final String CYCLE = "CTEM-2026-Q4";

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private ActiveObjects ao;
    private MutableClock clock;
    private AoDiscoveryRepository repository;
    private DiscoveryService discovery;
    private int reports;

    public DiscoveryPersistenceTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        ao = opened.database().activeObjects();
        clock = new MutableClock(MONDAY);
        AoCycleRepository cycles = new AoCycleRepository(ao);
        cycles.insert(new Cycle(CYCLE, "Q4", "", new Cadence(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), 14),
                Stage.DISCOVERY, MONDAY, "lead"));
        AoSurfaceRepository surfaces = new AoSurfaceRepository(ao);
        surfaces.insert(new Surface("WEB", CYCLE, "Web tier", SurfaceKind.CUSTOMER_FACING_SYSTEM, "JIRAUSER1",
                Criticality.HIGH, Exposure.INTERNET_FACING, "No KEV open on web hosts",
                List.of(ScopeRule.parse("host:*.corp.example"), ScopeRule.parse("ip:10.0.0.0/24"))));
        surfaces.insert(new Surface("SHOP", CYCLE, "Shop images", SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null,
                null, null, List.of(ScopeRule.parse("image:registry.example.com/shop"))));
        repository = new AoDiscoveryRepository(ao);
        discovery = new DiscoveryService(repository, surfaces, cycles, new AoTransactions(ao), clock);
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    // ----- helpers -----

    private ImportSummary importReport(List<String> covers, Observation... observations) {
        return importReport(null, covers, observations);
    }

    /** Imports observations as a report with its own content (a distinct hash per call unless given). */
    private ImportSummary importReport(String sha, List<String> covers, Observation... observations) {
        ImportPlan plan = discovery.plan(CYCLE, null, covers);
        for (Observation observation : observations) {
            plan.add(observation);
        }
        String content = sha != null ? sha : String.format("%064x", 1_000 + ++reports);
        return discovery.record(plan, new RunRequest("test", "report-" + reports + ".json", content, null, null, null,
                null, "JIRAUSER1", true, List.of()));
    }

    private Finding only(List<Finding> findings) {
        assertEquals(findings.toString(), 1, findings.size());
        return findings.get(0);
    }

    /** Findings are stored in the order of their identity, not of the report: tests pick them by what they are. */
    private static Finding onAsset(List<Finding> findings, String assetKey, FindingIdentity.Kind kind) {
        return findings.stream().filter(f -> f.asset().key().equals(assetKey) && f.identity().kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " finding on " + assetKey));
    }

    private Finding byRule(String ruleId) {
        return discovery.findings(CYCLE).stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding of rule " + ruleId));
    }

    private Map<String, Integer> rowCounts() {
        return Map.of("runs", ao.count(DiscoveryRunEntity.class), "findings", ao.count(FindingEntity.class),
                "signals", ao.count(FindingSignalEntity.class), "coverage", ao.count(RunCoverageEntity.class));
    }

    private static Observation plugin(String pluginId, String host) {
        return ObservationBuilder.nessus().ruleId(pluginId).host(host).build();
    }

    // ----- dedup, signals, idempotency -----

    @Test
    public void aReportBecomesFindingsWithOneSignalEachAndARunWithItsCoverage() {
        ImportSummary summary = importReport(List.of(),
                ObservationBuilder.nessus().cves("CVE-2021-44228").cwes("CWE-502")
                        .vectors("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                        .attributes(Map.of("vpr_score", "9.9", "exploit_available", "true")).build(),
                plugin("10863", "web01.corp.example"),
                plugin("10863", "printer.branch.example"));

        assertFalse(summary.alreadyImported());
        assertEquals(new RunCounts(3, 3, 0, 1, 0, 0, 0), summary.counts());
        assertEquals(List.of("WEB"), summary.coveredSurfaces());
        List<Finding> findings = discovery.findings(CYCLE);
        assertEquals(3, findings.size());
        Finding log4j = onAsset(findings, "web01.corp.example", FindingIdentity.Kind.CVE);
        assertEquals("WEB", log4j.surfaceKey());
        assertEquals(AssetKind.HOST, log4j.asset().kind());
        assertEquals("web01.corp.example", log4j.asset().key());
        assertEquals(List.of("CVE-2021-44228"), log4j.cves());
        assertEquals(List.of("CWE-502"), log4j.cwes());
        assertEquals(List.of("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), log4j.cvssVectors());
        assertEquals(ObservedSeverity.CRITICAL, log4j.severity());
        assertEquals(FindingStatus.OPEN, log4j.status());
        assertEquals(MONDAY, log4j.firstSeen());
        assertEquals(MONDAY, log4j.lastSeen());
        assertEquals(summary.runId(), log4j.firstRunId());
        assertFalse("the printer is out of scope",
                onAsset(findings, "printer.branch.example", FindingIdentity.Kind.RULE).inScope());

        Signal signal = only2(discovery.signals(log4j.id()));
        assertEquals(SourceKind.AUTHENTICATED_SCAN, signal.sourceKind());
        assertEquals("Nessus", signal.tool());
        assertEquals("10.8.3", signal.toolVersion());
        assertEquals("4", signal.rawSeverity());
        assertEquals(ObservedSeverity.CRITICAL, signal.severity());
        assertEquals(summary.runId(), signal.runId());
        assertEquals(MONDAY, signal.seenAt());
        assertEquals(Map.of("vpr_score", "9.9", "exploit_available", "true"), signal.attributes());
        assertTrue(signal.live());

        DiscoveryRun run = only2(discovery.runs(CYCLE));
        assertEquals(SourceKind.AUTHENTICATED_SCAN, run.sourceKind());
        assertEquals("Nessus", run.tool());
        assertEquals("10.8.3", run.toolVersion());
        assertEquals("JIRAUSER1", run.importedBy());
        assertEquals(summary.counts(), run.counts());
        assertEquals(List.of("WEB"), run.coveredSurfaces());
        assertEquals(List.of(new CoverageRecord(run.id(), CYCLE, "WEB", SourceKind.AUTHENTICATED_SCAN, MONDAY, false)),
                repository.coverage(CYCLE));
    }

    private static <T> T only2(List<T> values) {
        assertEquals(values.toString(), 1, values.size());
        return values.get(0);
    }

    @Test
    public void aRescanWithChangedFreeTextMergesIntoTheSameFindingsWithOneMoreSignal() {
        importReport(List.of(), ObservationBuilder.nessus().cves("CVE-2021-44228").build(), plugin("10863", "web01.corp.example"));
        clock.advance(Duration.ofDays(7));
        ImportSummary rescan = importReport(List.of(),
                ObservationBuilder.nessus().cves("CVE-2021-44228").title("Apache Log4j RCE (Log4Shell)")
                        .evidence("new plugin output " + clock.instant()).toolVersion("10.9.0")
                        .severity(ObservedSeverity.HIGH).reportedSeverity("3").build(),
                ObservationBuilder.nessus().ruleId("10863").host("WEB01.corp.example").evidence("changed").build());

        assertEquals(new RunCounts(2, 0, 2, 0, 0, 0, 0), rescan.counts());
        List<Finding> findings = discovery.findings(CYCLE);
        assertEquals(2, findings.size());
        Finding log4j = onAsset(findings, "web01.corp.example", FindingIdentity.Kind.CVE);
        assertEquals("the latest title", "Apache Log4j RCE (Log4Shell)", log4j.title());
        assertEquals("the source's latest severity", ObservedSeverity.HIGH, log4j.severity());
        assertEquals(MONDAY, log4j.firstSeen());
        assertEquals(MONDAY.plus(Duration.ofDays(7)), log4j.lastSeen());
        assertEquals(rescan.runId(), log4j.lastRunId());
        List<Signal> signals = discovery.signals(log4j.id());
        assertEquals(2, signals.size());
        assertEquals(List.of("4", "3"), signals.stream().map(Signal::rawSeverity).toList());
        assertEquals(List.of("10.8.3", "10.9.0"), signals.stream().map(Signal::toolVersion).toList());
        assertTrue(signals.stream().allMatch(Signal::live));
    }

    @Test
    public void importingTheSameReportTwiceChangesNothingTheSecondTime() {
        String sha = "ab".repeat(32);
        ImportSummary first = importReport(sha, List.of("WEB"), ObservationBuilder.nessus().cves("CVE-2021-44228").build(),
                plugin("10863", "web01.corp.example"));
        List<Finding> before = discovery.findings(CYCLE);
        Map<String, Integer> rows = rowCounts();
        clock.advance(Duration.ofHours(1));

        ImportSummary second = importReport(sha, List.of("WEB"), ObservationBuilder.nessus().cves("CVE-2021-44228").build(),
                plugin("10863", "web01.corp.example"));

        assertTrue(second.alreadyImported());
        assertEquals(first.runId(), second.runId());
        assertEquals(new RunCounts(2, 0, 0, 0, 0, 0, 0), second.counts());
        assertEquals(rows, rowCounts());
        assertEquals("not even last-seen moves", before, discovery.findings(CYCLE));
    }

    @Test
    public void theSameReportMayBeImportedIntoAnotherCycle() {
        new AoCycleRepository(ao).insert(new Cycle("OTHER", "other", "", new Cadence(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), 14), Stage.DISCOVERY, MONDAY, "lead"));
        String sha = "cd".repeat(32);
        importReport(sha, List.of(), plugin("10863", "web01.corp.example"));
        ImportPlan plan = discovery.plan("other", null, List.of());
        plan.add(plugin("10863", "web01.corp.example"));
        ImportSummary other = discovery.record(plan, new RunRequest("test", "r.json", sha, null, null, null, null, "u",
                true, List.of()));
        assertFalse(other.alreadyImported());
        assertEquals("out of scope there: OTHER has no surface", 1, other.counts().outOfScope());
        assertEquals(1, discovery.findings("OTHER").size());
        assertEquals(1, discovery.findings(CYCLE).size());
    }

    @Test
    public void anEmptyReportIsARunWithZeroObservationsThatCoversItsDeclaredSurfaces() {
        ImportPlan plan = discovery.plan(CYCLE, null, List.of("web", "SHOP"));
        ImportSummary summary = discovery.record(plan, new RunRequest("nuclei", "empty.jsonl", "ee".repeat(32),
                SourceKind.EXTERNAL_SCAN, "Nuclei", "3.3.0", null, "JIRAUSER1", true, List.of()));
        assertEquals(RunCounts.NONE, summary.counts());
        assertEquals(List.of("WEB", "SHOP"), summary.coveredSurfaces());
        DiscoveryRun run = only2(discovery.runs(CYCLE));
        assertEquals(0, run.counts().observations());
        assertEquals("Nuclei", run.tool());
        assertEquals(List.of("WEB", "SHOP"), run.declaredSurfaces());
        CoverageMatrix matrix = discovery.coverage(CYCLE, Duration.ofDays(30));
        assertEquals(CoverageState.COVERED, matrix.row("WEB").cell(SourceKind.EXTERNAL_SCAN).state());
        assertEquals(CoverageState.COVERED, matrix.row("SHOP").cell(SourceKind.EXTERNAL_SCAN).state());
        assertEquals(0, ao.count(FindingEntity.class));
    }

    @Test
    public void anEmptyReportWithoutASourceKindIsRejectedAndNothingIsStored() {
        ImportPlan plan = discovery.plan(CYCLE, null, List.of());
        try {
            discovery.record(plan, new RunRequest("jsonl", "empty.jsonl", "ff".repeat(32), null, null, null, null, "u",
                    true, List.of()));
            fail();
        } catch (InvalidInputException e) {
            assertEquals("sourceKind", e.problems().get(0).field());
            assertTrue(e.getMessage(), e.getMessage().contains("the report has no observations"));
        }
        assertEquals(0, ao.count(DiscoveryRunEntity.class));
    }

    @Test
    public void theSameCveOnTheSameHostFromNessusAndTrivyIsOneFindingWithTwoSignals() {
        importReport(List.of(), ObservationBuilder.nessus().cves("CVE-2024-2511").host("10.0.0.10").build());
        clock.advance(Duration.ofHours(2));
        ImportSummary trivy = importReport(List.of(), ObservationBuilder.trivy().cves("CVE-2024-2511")
                .asset(AssetKind.IP_ADDRESS, "10.0.0.10").severity(ObservedSeverity.MEDIUM).reportedSeverity("MEDIUM").build());

        assertEquals(0, trivy.counts().newFindings());
        assertEquals(1, trivy.counts().merged());
        Finding finding = only(discovery.findings(CYCLE));
        assertEquals("the highest of each source's latest", ObservedSeverity.CRITICAL, finding.severity());
        assertEquals(List.of("Nessus", "Trivy"), discovery.signals(finding.id()).stream().map(Signal::tool).toList());
        assertEquals(List.of(SourceKind.AUTHENTICATED_SCAN, SourceKind.CODE_SCAN),
                discovery.signals(finding.id()).stream().map(Signal::sourceKind).toList());
    }

    @Test
    public void vexAnalysisAndEvidenceAreKeptOnTheSignal() {
        importReport(List.of(), ObservationBuilder.trivy().cves("CVE-2021-44228").evidence("log4j-core-2.14.1.jar")
                .vex(new VexAnalysis("not_affected", "protected_by_mitigating_control", "workaround_available",
                        "JndiLookup removed")).build());
        Signal signal = discovery.signals(only(discovery.findings(CYCLE)).id()).get(0);
        assertEquals(new VexAnalysis("not_affected", "protected_by_mitigating_control", "workaround_available",
                "JndiLookup removed"), signal.vex());
        assertEquals("log4j-core-2.14.1.jar", signal.evidence());
        assertEquals("libssl3@3.1.4-r5", signal.location());
    }

    @Test
    public void hostileAndLongTextIsStoredVerbatim() {
        String title = "<script>alert(1)</script> ‘quoted’ \"double\" ünïcødé " + "x".repeat(5_000);
        String evidence = "line1\nline2\t" + "y".repeat(200_000);
        importReport(List.of(), ObservationBuilder.nessus().title(title).evidence(evidence).location("a".repeat(3_000)).build());
        Finding finding = only(discovery.findings(CYCLE));
        assertEquals(title, finding.title());
        assertEquals(evidence, discovery.signals(finding.id()).get(0).evidence());
    }

    @Test
    public void nulCharactersWhichPostgresqlCannotHoldAreStoredAsReplacementCharacters() {
        importReport(List.of(), ObservationBuilder.nessus().title("a\u0000b").evidence("binary\u0000output").build());
        Finding finding = only(discovery.findings(CYCLE));
        assertEquals("a\uFFFDb", finding.title());
        assertEquals("binary\uFFFDoutput", discovery.signals(finding.id()).get(0).evidence());
    }

    // ----- scope -----

    @Test
    public void unmatchedObservationsAreKeptAsFindingsMarkedOutOfScope() {
        ImportSummary summary = importReport(List.of(), plugin("10863", "printer.branch.example"),
                ObservationBuilder.trivy().cves("CVE-2024-2511").asset(AssetKind.CONTAINER_IMAGE, "registry.example.com/other:1").build());
        assertEquals(2, summary.counts().outOfScope());
        assertEquals(List.of(), summary.coveredSurfaces());
        List<Finding> findings = discovery.findings(CYCLE);
        assertEquals(2, findings.size());
        assertTrue(findings.stream().noneMatch(Finding::inScope));
    }

    @Test
    public void aSurfaceRegisteredLaterTakesInTheFindingOnItsNextSighting() {
        importReport(List.of(), plugin("10863", "db01.data.example"));
        assertNull(only(discovery.findings(CYCLE)).surfaceKey());
        new AoSurfaceRepository(ao).insert(new Surface("DATA", CYCLE, "Data tier", SurfaceKind.REGULATED_DATA_FLOW,
                null, null, null, null, List.of(ScopeRule.parse("host:*.data.example"))));
        clock.advance(Duration.ofDays(1));
        importReport(List.of(), plugin("10863", "db01.data.example"));
        assertEquals("DATA", only(discovery.findings(CYCLE)).surfaceKey());
    }

    // ----- fix candidates -----

    @Test
    public void aFindingALaterCoveringRunNoLongerSeesBecomesAFixCandidateAndComesBackWhenSeenAgain() {
        ImportSummary week1 = importReport(List.of("WEB"), plugin("10863", "web01.corp.example"), plugin("51192", "web01.corp.example"));
        clock.advance(Duration.ofDays(7));
        ImportSummary week2 = importReport(List.of("WEB"), plugin("10863", "web01.corp.example"));

        assertEquals(1, week2.counts().fixCandidates());
        Finding fixed = byRule("51192");
        assertTrue(fixed.fixCandidate());
        assertEquals(week2.runId(), fixed.fixCandidateRunId());
        assertEquals("absence is not closure: the status stays until validation", FindingStatus.OPEN, fixed.status());
        Signal deleted = only2(discovery.signals(fixed.id()));
        assertFalse(deleted.live());
        assertEquals(MONDAY.plus(Duration.ofDays(7)), deleted.deletedAt());
        assertEquals(week2.runId(), deleted.deletedByRunId());
        assertFalse(byRule("10863").fixCandidate());
        assertEquals(week1.runId(), byRule("10863").firstRunId());

        clock.advance(Duration.ofDays(7));
        ImportSummary week3 = importReport(List.of("WEB"), plugin("10863", "web01.corp.example"), plugin("51192", "web01.corp.example"));
        assertEquals(1, week3.counts().reappeared());
        assertEquals(0, week3.counts().newFindings());
        Finding back = byRule("51192");
        assertFalse(back.fixCandidate());
        List<Signal> signals = discovery.signals(back.id());
        assertEquals("the soft-deleted signal stays, proving the regression", 2, signals.size());
        assertFalse(signals.get(0).live());
        assertTrue(signals.get(1).live());
    }

    @Test
    public void aPartialRunRecordsWhatItSawButCoversNothingRetiresNothingAndDoesNotBlockItsReport() {
        ImportSummary week1 = importReport(List.of("WEB"), plugin("10863", "web01.corp.example"),
                plugin("51192", "web01.corp.example"));
        clock.advance(Duration.ofDays(7));
        String sha = "9a".repeat(32);
        ImportPlan plan = discovery.plan(CYCLE, null, List.of("WEB"));
        plan.add(plugin("10863", "web01.corp.example"));
        ImportSummary partial = discovery.record(plan, new RunRequest("nessus", "week2.nessus", sha, null, null, null,
                null, "JIRAUSER1", false, List.of("line 40, column 3: skipped a ReportItem")));

        DiscoveryRun run = discovery.runs(CYCLE).get(0);
        assertEquals(partial.runId(), run.id());
        assertFalse(run.complete());
        assertEquals("it covers nothing", List.of(), run.coveredSurfaces());
        assertEquals(List.of("WEB"), run.declaredSurfaces());
        assertEquals(0, partial.counts().fixCandidates());
        assertFalse("what it did not read is not gone", byRule("51192").fixCandidate());
        assertTrue(discovery.signals(byRule("51192").id()).stream().allMatch(Signal::live));
        assertEquals("what it saw is recorded", partial.runId(), byRule("10863").lastRunId());
        assertEquals(week1.runId(), discovery.coverage(CYCLE, Duration.ofDays(30)).row("WEB")
                .cell(SourceKind.AUTHENTICATED_SCAN).lastRunId());

        clock.advance(Duration.ofHours(1));
        ImportPlan again = discovery.plan(CYCLE, null, List.of("WEB"));
        again.add(plugin("10863", "web01.corp.example"));
        ImportSummary whole = discovery.record(again, new RunRequest("nessus", "week2.nessus", sha, null, null, null,
                null, "JIRAUSER1", true, List.of()));
        assertFalse("the same report, read whole this time, is imported", whole.alreadyImported());
        assertEquals(1, whole.counts().fixCandidates());
        assertTrue(byRule("51192").fixCandidate());
        assertEquals(List.of("WEB"), discovery.runs(CYCLE).get(0).coveredSurfaces());
    }

    @Test
    public void aVerifiedFindingSeenAgainIsReopened() {
        importReport(List.of("WEB"), plugin("51192", "web01.corp.example"));
        Finding finding = byRule("51192");
        FindingEntity row = ao.get(FindingEntity.class, (int) finding.id());
        row.setStatus(FindingStatus.VERIFIED.name());
        row.save();
        clock.advance(Duration.ofDays(7));
        importReport(List.of("WEB"), plugin("51192", "web01.corp.example"));
        assertEquals(FindingStatus.REOPENED, byRule("51192").status());
    }

    @Test
    public void onlyTheSameSourceOnACoveredSurfaceMakesFixCandidates() {
        importReport(List.of("WEB"), plugin("51192", "web01.corp.example"));
        clock.advance(Duration.ofDays(1));
        importReport(List.of("WEB"), ObservationBuilder.nessus().tool("OpenVAS").ruleId("1.3.6.1").host("web01.corp.example").build());
        importReport(List.of("WEB"), ObservationBuilder.nessus().sourceKind(SourceKind.EXTERNAL_SCAN).ruleId("10863").host("web01.corp.example").build());
        importReport(List.of("SHOP"), ObservationBuilder.nessus().ruleId("10863").asset(AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:2").build());
        assertFalse("another tool, another source kind, another surface: none of them could have seen it",
                byRule("51192").fixCandidate());
        assertTrue(discovery.signals(byRule("51192").id()).get(0).live());
    }

    @Test
    public void aPartialScanSaysNothingAboutHostsItDidNotReport() {
        importReport(List.of(), plugin("51192", "web01.corp.example"), plugin("51192", "web02.corp.example"));
        clock.advance(Duration.ofDays(7));
        // no declared coverage: the run covers WEB only through what it reported, i.e. web01
        ImportSummary partial = importReport(List.of(), plugin("10863", "web01.corp.example"));
        assertEquals(1, partial.counts().fixCandidates());
        List<Finding> findings = discovery.findings(CYCLE);
        assertTrue("web01 was scanned and no longer shows it",
                onAsset(findings, "web01.corp.example", FindingIdentity.Kind.RULE).fixCandidate());
        assertFalse("web02 was not scanned",
                onAsset(findings, "web02.corp.example", FindingIdentity.Kind.RULE).fixCandidate());
    }

    @Test
    public void aClusterScanOfOneNamespaceSaysNothingAboutTheImageInAnotherWorkload() {
        importReport(List.of(), k8s("CVE-2024-2511", "prod/shop/Deployment/web"),
                k8s("CVE-2024-2511", "prod/batch/Deployment/worker"));
        List<Finding> findings = discovery.findings(CYCLE);
        assertEquals("one image in two workloads is two findings", 2, findings.size());
        assertEquals("both on the image's surface", List.of("SHOP", "SHOP"),
                findings.stream().map(Finding::surfaceKey).toList());
        clock.advance(Duration.ofDays(7));
        // `trivy k8s -n shop`: the web workload runs a rebuilt image without the CVE; batch was not scanned
        ImportSummary shopOnly = importReport(List.of(), k8s("CVE-2024-4603", "prod/shop/Deployment/web"));
        assertEquals(1, shopOnly.counts().fixCandidates());
        findings = discovery.findings(CYCLE);
        assertTrue("web was scanned and no longer shows it", findings.get(0).fixCandidate());
        assertFalse("the worker was not scanned", findings.get(1).fixCandidate());
    }

    private static Observation k8s(String cve, String workload) {
        return ObservationBuilder.trivy().tool("Trivy k8s").cves(cve).ruleId(cve).deployment(workload).build();
    }

    @Test
    public void anOlderReportImportedLateMakesNoFixCandidates() {
        importReport(List.of("WEB"), plugin("51192", "web01.corp.example"));
        ImportPlan plan = discovery.plan(CYCLE, null, List.of("WEB"));
        plan.add(plugin("10863", "web01.corp.example"));
        ImportSummary older = discovery.record(plan, new RunRequest("test", "old.nessus", "01".repeat(32), null, null,
                null, MONDAY.minus(Duration.ofDays(30)), "u", true, List.of()));
        assertEquals(0, older.counts().fixCandidates());
        assertFalse(byRule("51192").fixCandidate());
        assertEquals("first-seen moves back to the older scan", MONDAY.minus(Duration.ofDays(30)), byRule("10863").firstSeen());
    }

    @Test
    public void anOlderReportImportedLateLeavesTheNewerReportsWords() {
        importReport(List.of("WEB"), ObservationBuilder.nessus().ruleId("10863").host("web01.corp.example")
                .title("TLS certificate expired (newer scan)").build());
        ImportPlan plan = discovery.plan(CYCLE, null, List.of("WEB"));
        plan.add(ObservationBuilder.nessus().ruleId("10863").host("web01.corp.example")
                .title("TLS certificate expires soon (older scan)").build());
        // the older scan is the cycle's second run but not its newest scan: its words must not replace the newer ones
        discovery.record(plan, new RunRequest("test", "old.nessus", "02".repeat(32), null, null, null,
                MONDAY.minus(Duration.ofDays(30)), "u", true, List.of()));
        assertEquals("TLS certificate expired (newer scan)", byRule("10863").title());
        assertEquals(MONDAY.minus(Duration.ofDays(30)), byRule("10863").firstSeen());
    }

    @Test
    public void aFindingSeenByTwoToolsIsAFixCandidateOnlyWhenNeitherSeesItAnyMore() {
        importReport(List.of(), ObservationBuilder.nessus().cves("CVE-2024-2511").host("10.0.0.10").build());
        importReport(List.of(), ObservationBuilder.nessus().sourceKind(SourceKind.CODE_SCAN).tool("Trivy").cves("CVE-2024-2511")
                .asset(AssetKind.IP_ADDRESS, "10.0.0.10").build());
        clock.advance(Duration.ofDays(7));
        importReport(List.of("WEB"), plugin("10863", "10.0.0.10"));
        Finding finding = only(discovery.findings(CYCLE).stream().filter(f -> !f.cves().isEmpty()).toList());
        assertFalse("Trivy still reports it", finding.fixCandidate());
        assertEquals(List.of(false, true), discovery.signals(finding.id()).stream().map(Signal::live).toList());

        clock.advance(Duration.ofDays(1));
        ImportPlan plan = discovery.plan(CYCLE, SourceKind.CODE_SCAN, List.of("WEB"));
        ImportSummary trivyEmpty = discovery.record(plan, new RunRequest("trivy", "t.json", "02".repeat(32), null, "Trivy",
                null, null, "u", true, List.of()));
        assertEquals(1, trivyEmpty.counts().fixCandidates());
        assertTrue(discovery.finding(finding.id()).fixCandidate());
    }

    @Test
    public void manualEntriesNeverMakeFixCandidates() {
        discovery.recordManual(manual("host:web01.corp.example", "CWE-287", null), "tester");
        clock.advance(Duration.ofDays(1));
        discovery.recordManual(new ManualFindingDraft(CYCLE, "Stored XSS in profile", "host:web01.corp.example", "/profile",
                "medium", List.of(), List.of("79"), List.of(), null, ""), "tester");
        assertTrue(discovery.findings(CYCLE).stream().noneMatch(Finding::fixCandidate));
    }

    // ----- manual intake -----

    private static ManualFindingDraft manual(String asset, String cwe, String cve) {
        return new ManualFindingDraft(CYCLE, "Login accepts any password for admin", asset, "/login", "high",
                cve == null ? List.of() : List.of(cve), cwe == null ? List.of() : List.of(cwe),
                List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), null, "curl -d user=admin&pass=x ...");
    }

    @Test
    public void aManualFindingGoesThroughTheSameIdentityAndDedup() {
        ManualIntakeResult first = discovery.recordManual(manual("url:https://app.corp.example/login", "CWE-287", null), "tester1");
        assertFalse(first.merged());
        Finding finding = first.finding();
        assertEquals("WEB", finding.surfaceKey());
        assertEquals("CWE-287", finding.ruleId());
        assertEquals(DiscoveryService.MANUAL_TOOL, finding.tool());
        assertEquals(ObservedSeverity.HIGH, finding.severity());

        clock.advance(Duration.ofDays(1));
        ManualFindingDraft retyped = new ManualFindingDraft(CYCLE, "Admin login bypass (second tester's words)",
                "url:HTTPS://app.corp.example:443/login", "/login", "critical", List.of(), List.of("287"), List.of(), null, "");
        ManualIntakeResult second = discovery.recordManual(retyped, "tester2");
        assertTrue(second.merged());
        assertEquals(finding.id(), second.finding().id());
        assertEquals(2, discovery.signals(finding.id()).size());
        DiscoveryRun run = discovery.runs(CYCLE).get(0);
        assertEquals(SourceKind.MANUAL_TEST, run.sourceKind());
        assertEquals("tester2", run.importedBy());
        assertFalse(run.complete());
        assertEquals(CoverageState.COVERED,
                discovery.coverage(CYCLE, Duration.ofDays(30)).row("WEB").cell(SourceKind.MANUAL_TEST).state());
    }

    @Test
    public void aManualFindingWithTheCveAScannerReportedOnTheSameHostMergesIntoIt() {
        importReport(List.of(), ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build());
        ManualIntakeResult manual = discovery.recordManual(manual("host:WEB01.corp.example", null, "cve-2021-44228"), "tester");
        assertTrue(manual.merged());
        assertEquals(1, discovery.findings(CYCLE).size());
        assertEquals(List.of(SourceKind.AUTHENTICATED_SCAN, SourceKind.MANUAL_TEST),
                discovery.signals(manual.finding().id()).stream().map(Signal::sourceKind).toList());
    }

    @Test
    public void aBadManualFindingIsRejectedWithEveryProblemAndNothingIsStored() {
        try {
            discovery.recordManual(new ManualFindingDraft(CYCLE, " ", "web01", "", "severe", List.of("CVE-21-1"),
                    List.of("XSS"), List.of("CVSS:3.1/AV:X"), null, null), "tester");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("title", "asset", "severity", "cves", "cwes", "cvssVectors"),
                    e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("asset: 'web01' is not KIND:VALUE"));
            assertTrue(e.getMessage(), e.getMessage().contains("'severe' is not one of info, low, medium, high, critical"));
        }
        try {
            discovery.recordManual(new ManualFindingDraft(CYCLE, "Weak lockout", "host:web01.corp.example", "", "low",
                    List.of(), List.of(), List.of(), " ", null), "tester");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("reference"), e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("the title is free text and cannot identify the finding"));
        }
        assertEquals(Map.of("runs", 0, "findings", 0, "signals", 0, "coverage", 0), rowCounts());
    }

    // ----- coverage -----

    @Test
    public void theCoverageMatrixTellsCoveredStaleAndNever() {
        importReport(List.of("WEB"), plugin("10863", "web01.corp.example"));
        clock.advance(Duration.ofDays(10));
        ImportPlan plan = discovery.plan(CYCLE, SourceKind.CODE_SCAN, List.of("SHOP"));
        ImportSummary shop = discovery.record(plan, new RunRequest("sarif", "s.sarif", "03".repeat(32), null, "CodeQL",
                null, null, "u", true, List.of()));
        clock.advance(Duration.ofDays(25));

        CoverageMatrix matrix = discovery.coverage(CYCLE, Duration.ofDays(30));
        assertEquals(List.of("WEB", "SHOP"), matrix.rows().stream().map(CoverageMatrix.Row::surfaceKey).toList());
        CoverageMatrix.Cell webAuth = matrix.row("WEB").cell(SourceKind.AUTHENTICATED_SCAN);
        assertEquals(CoverageState.STALE, webAuth.state());
        assertEquals(MONDAY, webAuth.lastCoveredAt());
        assertEquals(1, webAuth.runs());
        CoverageMatrix.Cell shopCode = matrix.row("SHOP").cell(SourceKind.CODE_SCAN);
        assertEquals(CoverageState.COVERED, shopCode.state());
        assertEquals(shop.runId(), shopCode.lastRunId());
        assertEquals(CoverageState.NEVER, matrix.row("WEB").cell(SourceKind.EXTERNAL_SCAN).state());
        assertEquals(CoverageState.NEVER, matrix.row("SHOP").cell(SourceKind.AUTHENTICATED_SCAN).state());
        assertEquals(SourceKind.values().length, matrix.row("WEB").cells().size());

        assertEquals("a longer staleness age", CoverageState.COVERED,
                discovery.coverage(CYCLE, Duration.ofDays(60)).row("WEB").cell(SourceKind.AUTHENTICATED_SCAN).state());
    }

    // ----- input checks and transactions -----

    @Test
    public void unknownCycleClosedCycleAndUnknownDeclaredSurfaceAreNamed() {
        try {
            discovery.plan("NOPE", null, List.of());
            fail();
        } catch (NotFoundException e) {
            assertEquals("no CTEM cycle with key 'NOPE'", e.getMessage());
        }
        try {
            discovery.plan(CYCLE, null, List.of("web", "payments"));
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("covers", "cycle CTEM-2026-Q4 has no surface 'PAYMENTS' (its surfaces: WEB, SHOP)")),
                    e.problems());
        }
        new AoCycleRepository(ao).insert(new Cycle("DONE", "closed", "", new Cadence(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), 14), Stage.CLOSED, MONDAY, "lead"));
        try {
            discovery.plan("done", null, List.of());
            fail();
        } catch (InvalidInputException e) {
            assertEquals("cycle: cycle DONE is closed: it takes no more discovery runs", e.getMessage());
        }
    }

    @Test
    public void aRunThatFailsHalfwayLeavesNothingBehind() {
        importReport(List.of("WEB"), plugin("51192", "web01.corp.example"));
        Map<String, Integer> rows = rowCounts();
        List<Finding> before = discovery.findings(CYCLE);
        AoDiscoveryRepository failing = new AoDiscoveryRepository(ao) {
            @Override
            public void insertCoverage(List<CoverageRecord> coverage) {
                throw new IllegalStateException("disk full");
            }
        };
        DiscoveryService broken = new DiscoveryService(failing, new AoSurfaceRepository(ao), new AoCycleRepository(ao),
                new AoTransactions(ao), clock);
        clock.advance(Duration.ofDays(1));
        ImportPlan plan = broken.plan(CYCLE, null, List.of("WEB"));
        plan.add(plugin("51192", "web01.corp.example"));
        plan.add(plugin("10863", "web01.corp.example"));
        try {
            broken.record(plan, new RunRequest("test", "x", "04".repeat(32), null, null, null, null, "u", true, List.of()));
            fail();
        } catch (IllegalStateException e) {
            assertTrue(String.valueOf(e), String.valueOf(e).contains("disk full"));
        }
        assertEquals(rows, rowCounts());
        assertEquals(before, discovery.findings(CYCLE));
    }

    @Test
    public void concurrentImportsOfOverlappingReportsMakeEachFindingOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<ImportSummary>> outcomes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                int first = node * 100;
                ImportPlan plan = discovery.plan(CYCLE, null, List.of());
                for (int i = first; i < first + 200; i++) {
                    plan.add(plugin(String.valueOf(20_000 + i), "web01.corp.example"));
                }
                String sha = String.format("%064x", 77 + node);
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return discovery.record(plan, new RunRequest("test", "node.json", sha, null, null, null, null,
                            "node", true, List.of()));
                }));
            }
            go.countDown();
            int created = 0;
            for (java.util.concurrent.Future<ImportSummary> outcome : outcomes) {
                created += outcome.get().counts().newFindings();
            }
            assertEquals(300, created);
            assertEquals(300, ao.count(FindingEntity.class));
            assertEquals(400, ao.count(FindingSignalEntity.class));
            assertEquals(2, ao.count(DiscoveryRunEntity.class));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void theSameReportImportedTwiceAtOnceIsStoredOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<ImportSummary>> outcomes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                ImportPlan plan = discovery.plan(CYCLE, null, List.of());
                plan.add(plugin("10863", "web01.corp.example"));
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return discovery.record(plan, new RunRequest("test", "same.json", "99".repeat(32), null, null,
                            null, null, "node", true, List.of()));
                }));
            }
            go.countDown();
            List<Boolean> repeats = new ArrayList<>();
            for (java.util.concurrent.Future<ImportSummary> outcome : outcomes) {
                repeats.add(outcome.get().alreadyImported());
            }
            assertEquals(repeats.toString(), 1, repeats.stream().filter(b -> b).count());
            assertEquals(Map.of("runs", 1, "findings", 1, "signals", 1, "coverage", 1), rowCounts());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void scanTimesInTheFutureAreRejected() {
        ImportPlan plan = discovery.plan(CYCLE, null, List.of());
        plan.add(plugin("10863", "web01.corp.example"));
        try {
            discovery.record(plan, new RunRequest("t", "x", null, null, null, null, MONDAY.plus(Duration.ofDays(2)), "u",
                    true, List.of()));
            fail();
        } catch (InvalidInputException e) {
            assertEquals("scannedAt: the scan time 2026-11-04T08:00:00Z is in the future", e.getMessage());
        }
    }

    @Test
    public void warningsAreKeptWithTheRun() {
        ImportPlan plan = discovery.plan(CYCLE, null, List.of());
        plan.add(plugin("10863", "web01.corp.example"));
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            warnings.add("line " + i + ": not a JSON object, skipped");
        }
        ImportSummary summary = discovery.record(plan, new RunRequest("nuclei", "n.jsonl", "05".repeat(32), null, null,
                null, null, "u", true, warnings));
        assertEquals(150, summary.counts().warnings());
        DiscoveryRun run = discovery.runs(CYCLE).get(0);
        assertEquals(150, run.counts().warnings());
        assertEquals("the first 100 are stored", 100, run.warnings().size());
        assertEquals("line 1: not a JSON object, skipped", run.warnings().get(0));
    }

    @Test
    public void theHotQueriesHaveIndexes() throws Exception {
        Map<String, List<List<String>>> indexes = new java.util.HashMap<>();
        Map<String, List<String>> unique = new java.util.HashMap<>();
        String prefix = opened.database().tablePrefix().value();
        try (java.sql.Connection c = opened.database().dataSource().getConnection()) {
            for (String table : List.of("FINDING", "FINDING_SIGNAL", "DISCOVERY_RUN", "RUN_COVERAGE", "SURFACE", "SCOPE_RULE",
                    "REGISTER_ENTRY", "TRACKER_LINK")) {
                TableIndexes found = TableIndexes.of(c, prefix + table);
                indexes.put(table, found.columns());
                if (!found.uniqueColumns().isEmpty()) {
                    unique.put(table, found.uniqueColumns());
                }
            }
        }
        // every index costs each new finding a B-tree write: exactly these (ADR 048, 052), each once
        assertEquals(indexes.toString(), List.of("[CYCLE_KEY, ID]", "[FINDING_KEY]", "[ID]"),
                indexes.get("FINDING").stream().map(Object::toString).sorted().toList());
        // a cycle's register entries are found through (cycle, id), which begins with the cycle: no index of it
        // alone; a finding across cycles and the expired acceptances go through these too (ADR 052); the entries of
        // a tracker issue through the tracker links, written only for entries linked to one (ADR 054)
        assertEquals(indexes.toString(), List.of("[CYCLE_KEY, ID]", "[CYCLE_KEY, STATUS, ID]", "[ENTRY_KEY]", "[ID]"),
                indexes.get("REGISTER_ENTRY").stream().map(Object::toString).sorted().toList());
        assertEquals(indexes.toString(), List.of("[ENTRY_KEY]", "[ID]", "[TRACKER_ISSUE]", "[TRACKER_ISSUE_ID]"),
                indexes.get("TRACKER_LINK").stream().map(Object::toString).sorted().toList());
        assertTrue(unique.toString(), unique.get("REGISTER_ENTRY").contains("ENTRY_KEY"));
        assertTrue(unique.toString(), unique.get("FINDING").contains("FINDING_KEY"));
        assertTrue(indexes.toString(), indexes.get("FINDING_SIGNAL").containsAll(List.of(
                List.of("FINDING_ID", "SEEN_AT_MILLIS"), List.of("RUN_ID", "FINDING_ID"),
                List.of("CYCLE_KEY", "SOURCE_KIND", "TOOL_KEY", "DELETED_AT_MILLIS"))));
        assertTrue(unique.toString(), unique.get("DISCOVERY_RUN").contains("IMPORT_KEY"));
        assertTrue(indexes.toString(), indexes.get("DISCOVERY_RUN").contains(List.of("CYCLE_KEY")));
        assertTrue(indexes.toString(), indexes.get("RUN_COVERAGE").containsAll(List.of(List.of("CYCLE_KEY"), List.of("RUN_ID"))));
        assertTrue(unique.toString(), unique.get("SURFACE").contains("CYCLE_SURFACE"));
        assertTrue(indexes.toString(), indexes.get("SCOPE_RULE").containsAll(List.of(List.of("CYCLE_KEY"), List.of("SURFACE_ID"))));
    }

    /**
     * A finding found by its key for the issue panel (in its entry's cycle, else in the one it was carried from) or in
     * one cycle (the record's pages) is a range over the unique finding key's index, not a walk of the table or the
     * cycle in id order: H2's plan of the very statements the store issued, taken from its statement statistics
     * (PostgreSQL has its own planner).
     */
    @Test
    public void aFindingByItsKeyIsAnIndexRange() throws Exception {
        if (!testDatabase.toString().equals("H2")) {
            return;
        }
        countStatements();
        String key = "F-ab00cd00ef001234";
        String next = "CTEM-2027-Q1";
        new AoCycleRepository(ao).insert(new Cycle(next, "Q1", "", new Cadence(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 31), 14), Stage.DISCOVERY, MONDAY, "lead"));
        RegisterEntry handedOver = RegisterEntry.enrolled(CYCLE, key, MONDAY).carriedInto(next, MONDAY);
        // seen in neither: looked for in the entry's cycle, then in the one it was carried from
        assertEquals(Optional.empty(), new AoFindingRecordSource(ao, new DecisionJson()).finding(handedOver));
        new AoEvidenceSource(ao, new DecisionJson()).finding(CYCLE, key);
        List<Counted> ranges = counted("(?s).*_FINDING\"? WHERE .*", i -> i == 1 ? "ab00" : "abff");
        // the panel's two cycles and the record's one, each a range of the unique key (one statement's text)
        assertEquals(ranges.toString(), 3, ranges.stream().mapToInt(Counted::executions).sum());
        for (Counted range : ranges) {
            assertTrue(range.plan(), range.plan().matches("(?s).*/\\* PUBLIC\\.\\w+: FINDING_KEY >= \\?1.*"));
        }
    }

    /** Turns H2's statement statistics on: from here, each statement issued is counted by its text. */
    private void countStatements() throws java.sql.SQLException {
        try (java.sql.Connection c = opened.database().dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** A statement H2 counted: its text, how often it ran, and H2's plan of it. */
    private record Counted(String sql, int executions, String plan) {
    }

    /** The counted statements whose text matches, each planned with its i-th parameter (from 1) bound to that text. */
    private List<Counted> counted(String textPattern, java.util.function.IntFunction<String> parameter)
            throws java.sql.SQLException {
        List<Counted> out = new ArrayList<>();
        try (java.sql.Connection c = opened.database().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                if (!sql.matches(textPattern)) {
                    continue;
                }
                try (java.sql.PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
                    for (int i = 1; i <= explain.getParameterMetaData().getParameterCount(); i++) {
                        explain.setString(i, parameter.apply(i));
                    }
                    try (java.sql.ResultSet plan = explain.executeQuery()) {
                        assertTrue(plan.next());
                        out.add(new Counted(sql, rs.getInt(2), plan.getString(1)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The issue panel's finding is the one of its entry's cycle, even when a later cycle saw it too; an entry handed
     * over before its new cycle scanned the finding shows the cycle it was carried from, and so back along the
     * hand-overs; an entry nobody's scan saw shows none (ADR 052).
     */
    @Test
    public void thePanelsFindingIsItsEntrysCycleElseTheCycleItWasCarriedFrom() {
        importReport(List.of(), plugin("10863", "web01.corp.example"));
        Finding q4 = only(discovery.findings(CYCLE));
        String q1 = "CTEM-2027-Q1";
        String q2 = "CTEM-2027-Q2";
        AoCycleRepository cycles = new AoCycleRepository(ao);
        for (String key : List.of(q2, q1)) {
            cycles.insert(new Cycle(key, key, "", new Cadence(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), 14),
                    Stage.DISCOVERY, MONDAY, "lead"));
        }
        RegisterEntry inQ4 = RegisterEntry.enrolled(CYCLE, q4.key(), MONDAY);
        RegisterEntry inQ1 = inQ4.carriedInto(q1, MONDAY.plus(Duration.ofDays(60)));
        RegisterEntry inQ2 = inQ1.carriedInto(q2, MONDAY.plus(Duration.ofDays(150)));
        new AoRegisterRepository(ao).insertAll(List.of(inQ4, inQ1, inQ2));
        AoFindingRecordSource records = new AoFindingRecordSource(ao, new DecisionJson());
        assertEquals(q4.id(), records.finding(inQ4).orElseThrow().id());
        assertEquals("one hand-over back", q4.id(), records.finding(inQ1).orElseThrow().id());
        assertEquals("two hand-overs back", q4.id(), records.finding(inQ2).orElseThrow().id());
        assertEquals("not carried: none", Optional.empty(), records.finding(RegisterEntry.enrolled(q1, q4.key(),
                MONDAY)));
        assertEquals(Optional.empty(), records.finding(RegisterEntry.enrolled(CYCLE, "F-0000000000000000", MONDAY)));
        assertEquals(Optional.empty(), records.finding(RegisterEntry.enrolled(CYCLE, "not a key", MONDAY)));

        new AoSurfaceRepository(ao).insert(new Surface("WEB", q1, "Web tier", SurfaceKind.CUSTOMER_FACING_SYSTEM,
                null, null, null, null, List.of(ScopeRule.parse("host:*.corp.example"))));
        ImportPlan plan = discovery.plan(q1, null, List.of());
        plan.add(plugin("10863", "web01.corp.example"));
        discovery.record(plan, new RunRequest("test", "q1.json", "07".repeat(32), null, null, null, null, "u", true,
                List.of()));
        Finding seenInQ1 = only(discovery.findings(q1));
        assertEquals(q4.key(), seenInQ1.key());
        assertEquals(seenInQ1.id(), records.finding(inQ1).orElseThrow().id());
        assertEquals(seenInQ1.id(), records.finding(inQ2).orElseThrow().id());
        assertEquals("the entry's cycle, not the newest", q4.id(), records.finding(inQ4).orElseThrow().id());
    }

    /**
     * The register's two rare reads that lost their indexes (ADR 052) still read by one: a finding across cycles by
     * its entry key in each cycle, the expired acceptances by each cycle's (cycle, status); H2's plan of the very
     * statements the store issued, none of them a walk of the table.
     */
    @Test
    public void theRegistersRareReadsAreIndexReads() throws Exception {
        if (!testDatabase.toString().equals("H2")) {
            return;
        }
        AoRegisterRepository register = new AoRegisterRepository(ao);
        register.insertAll(List.of(RegisterEntry.enrolled(CYCLE, "F-ab00cd00ef001234", MONDAY)));
        countStatements();
        assertEquals(1, register.byFinding("F-ab00cd00ef001234").size());
        assertEquals(List.of(), register.acceptancesExpiredBefore(LocalDate.parse("2026-12-01")));
        List<Counted> issued = counted("(?s).*REGISTER_ENTRY.*", i -> "x");
        assertEquals(issued.toString(), 2, issued.size());
        List<String> plans = issued.stream().map(Counted::plan).toList();
        assertTrue(plans.toString(), plans.stream().anyMatch(p -> p.matches(
                "(?s).*/\\* PUBLIC\\.\\w+: ENTRY_KEY (IN\\(|= \\?1).*")));
        assertTrue(plans.toString(), plans.stream().anyMatch(p -> p.matches(
                "(?s).*/\\* PUBLIC\\.\\w+: CYCLE_KEY = \\?1\\s+AND STATUS = \\?2\\s+\\*/.*")));
    }

    @Test
    public void surfacesAreStoredWithTheirRulesInOrder() {
        List<Surface> surfaces = new AoSurfaceRepository(ao).list(CYCLE);
        assertEquals(List.of("WEB", "SHOP"), surfaces.stream().map(Surface::key).toList());
        Surface web = surfaces.get(0);
        assertEquals("Web tier", web.name());
        assertEquals("JIRAUSER1", web.businessOwner());
        assertEquals(org.ctemcycles.core.scope.Criticality.HIGH, web.criticality());
        assertEquals(org.ctemcycles.core.scope.Exposure.INTERNET_FACING, web.exposure());
        assertEquals("No KEV open on web hosts", web.successCriterion());
        assertEquals(List.of("host:*.corp.example", "ip:10.0.0.0/24"), web.rules().stream().map(Object::toString).toList());
        assertNull(surfaces.get(1).criticality());
        assertEquals(Arrays.asList("image:registry.example.com/shop"), surfaces.get(1).rules().stream().map(Object::toString).toList());
    }
}
