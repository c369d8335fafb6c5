package org.ctemcycles.testing;

import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.RecordDigest;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.evidence.compliance.CycleFigures;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.CoverageState;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.ItemStatus;
import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.evidence.Rows;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.Provenance;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.core.scoring.Freshness;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;
import org.ctemcycles.core.validation.ValidationMethod;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-built evidence pack of a cycle in Mobilisation, as the assembler would give it: two surfaces, two runs,
 * three findings with decisions, a validation, a register and a log, with hostile text (as a scanner or a user
 * could write it) in a finding title, a validation note, a surface name and a log entry. Everything is fixed, so
 * renderings are the same on every run. The large sections are the {@link Rows} the test hands in.
 */
public final class SampleEvidencePack {

    public static final String CYCLE = "CTEM-2026-Q3";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String ATTRIBUTE_BREAKOUT = "\"><img src=x onerror=alert(1)>";
    public static final String HOSTILE_TITLE = "Reflected XSS " + SCRIPT + " in search";
    public static final String HOSTILE_NOTE = "Payload " + ATTRIBUTE_BREAKOUT + " fired in the browser";
    public static final String HOSTILE_SURFACE = "Checkout " + ATTRIBUTE_BREAKOUT;
    public static final String HOSTILE_ACTOR = "mallory" + SCRIPT;

    public static final String LOG4SHELL = "F-1a2b3c4d5e6f7081";
    public static final String XSS = "F-2b3c4d5e6f708192";
    public static final String OPENSSH = "F-3c4d5e6f708192a3";

    private static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    private SampleEvidencePack() {
    }

    /** The pack with its large sections as given, the cycle still open (no closure summary). */
    public static EvidencePack open(Rows<FindingEvidence> findings, Rows<RankedDecision> queue,
                                    Rows<ValidationRecord> validations, Rows<RegisterItem> register,
                                    Rows<LogEntry> log) {
        return pack(Stage.MOBILISATION, null, findings, queue, validations, register, log);
    }

    /** The pack over the sample rows, the cycle still open. */
    public static EvidencePack open() {
        return open(Rows.of(findings()), Rows.of(queue()), Rows.of(validations()), Rows.of(registerItems()),
                Rows.of(log()));
    }

    /** The pack over the sample rows after the cycle closed. */
    public static EvidencePack closed() {
        ClosureSummary summary = new ClosureSummary(CYCLE, at(90), "lead", List.of(OPENSSH), List.of(),
                List.of(LOG4SHELL, XSS), 1, List.of("CHECKOUT: exposure changed to Internet-facing"),
                List.of("PAYMENTS-API", "CHECKOUT"), metrics());
        return pack(Stage.CLOSED, summary, Rows.of(findings()), Rows.of(queue()), Rows.of(validations()),
                Rows.of(registerItems()), Rows.of(log()));
    }

    private static EvidencePack pack(Stage stage, ClosureSummary closure, Rows<FindingEvidence> findings,
                                     Rows<RankedDecision> queue, Rows<ValidationRecord> validations,
                                     Rows<RegisterItem> register, Rows<LogEntry> log) {
        Cycle cycle = new Cycle(CYCLE, "Q3 payments exposure", "Cut exploitable exposure on the payment path",
                new Cadence(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), 14), stage, T0, "lead",
                "No KEV-listed finding open on a critical surface at closure", "CTEM-2026-Q2", "", 7, "PAY");
        List<ItemStatus> items = new ArrayList<>();
        for (EvidenceItem item : EvidenceItem.values()) {
            boolean present = item != EvidenceItem.CLOSURE_SUMMARY || closure != null;
            items.add(new ItemStatus(item, present, present ? "" : "the cycle is not closed yet"));
        }
        Set<EvidenceItem> held = EnumSet.noneOf(EvidenceItem.class);
        items.stream().filter(ItemStatus::present).forEach(s -> held.add(s.item()));
        LocalDate closedOn = closure == null ? null : LocalDate.parse("2026-09-29");
        CadenceRecord cadence = new CadenceRecord(CYCLE, LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-09-30"), planned(), List.of(LocalDate.parse("2026-07-15")), closedOn,
                closure == null ? "" : "CTEM-2026-Q4", closure == null ? List.of() : List.of("PAYMENTS-API", "CHECKOUT"));
        return new EvidencePack(cycle, Instant.parse("2026-08-20T10:15:30Z"), "auditor.jane", null, surfaces(),
                at(0).plusSeconds(600), at(2), List.of(surfaceChange()), runs(), coverage(), findings,
                "ctem-default v1", feeds(), queue, 1, validations, register, metrics(),
                new CheckpointSchedule(CYCLE, planned(), List.of(new Checkpoint(CYCLE, LocalDate.parse("2026-07-15"),
                        LocalDate.parse("2026-07-15"), at(14), "lead", "Two KEV findings mobilised", metrics()))),
                closure, cadence, new ChainReport(CYCLE, log().size(), null, "3fa2c1d04e5f"),
                new RecordReport(CYCLE, List.of(digest()), List.of(), 0), log, items,
                ControlCatalogue.standard().assess(held, figures()), closure == null ? List.of() : List.of(
                        org.ctemcycles.core.cadence.RecommendedItem.offered(CYCLE, 1,
                                org.ctemcycles.core.cadence.RecommendationKind.RESIDUAL_QUEUE, "PAYMENTS-API",
                                "2 findings carried over: 1 needing work, 1 accepted risks to watch, 0 past their"
                                        + " deadline", java.util.Map.of("residual", 2L, "needingWork", 1L))
                                .takenBy("CTEM-2026-Q4", "lead", Instant.parse("2026-09-30T08:00:00Z")),
                        org.ctemcycles.core.cadence.RecommendedItem.offered(CYCLE, 2,
                                org.ctemcycles.core.cadence.RecommendationKind.CANDIDATE_ASSET,
                                "host:legacy.example.com", "4 findings on 1 assets no scope rule matched, last seen"
                                        + " 2026-07-20", java.util.Map.of("findings", 4L, "assets", 1L))));
    }

    /** Figures of a cycle that holds its evidence but missed part of its objectives. */
    public static CycleFigures figures() {
        return new CycleFigures(LocalDate.parse("2026-08-20"), 3, 3, 1, 0, 1, 1, 1, 0, 0, 1, 2, 1, 1, 1, 0, 0, 2,
                1, 30, false, true);
    }

    /** What the checkpoint of 2026-07-15 committed to. */
    public static RecordDigest digest() {
        return new RecordDigest(CYCLE, 9, RecordDigest.Kind.CHECKPOINT, LocalDate.parse("2026-07-15"), at(14),
                new ChainHead(CYCLE, 8, "ab".repeat(32), "cd".repeat(32)), 1, "run-1", Map.of(
                DigestedSet.REGISTER, new RecordDigest.Part(3, "01".repeat(32)),
                DigestedSet.FINDINGS, new RecordDigest.Part(4, "02".repeat(32)),
                DigestedSet.DECISIONS, new RecordDigest.Part(3, "03".repeat(32))));
    }

    private static Instant at(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    private static List<Surface> surfaces() {
        return List.of(
                new Surface("PAYMENTS-API", CYCLE, "Payments API", SurfaceKind.CUSTOMER_FACING_SYSTEM, "cfo.office",
                        Criticality.CRITICAL, Exposure.INTERNET_FACING, "No KEV finding open after 14 days",
                        List.of(ScopeRule.parse("host:*.pay.example.com"), ScopeRule.parse("ip:203.0.113.0/24"))),
                new Surface("CHECKOUT", CYCLE, HOSTILE_SURFACE, SurfaceKind.BUSINESS_PROCESS, "", Criticality.HIGH,
                        null, "", List.of(ScopeRule.parse("url:https://shop.example.com/checkout/"))));
    }

    private static LogEntry surfaceChange() {
        return entry(9, at(5), "lead", LogAction.SURFACE_CHANGED, "surface:CHECKOUT", "{\"exposure\":\"\"}",
                "{\"exposure\":\"INTERNET_FACING\"}");
    }

    private static List<DiscoveryRun> runs() {
        return List.of(
                new DiscoveryRun(1, CYCLE, SourceKind.EXTERNAL_SCAN, "Nessus", "10.8.3", "nessus",
                        "q3-external.nessus", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        at(2), at(2), "lead", true, List.of("PAYMENTS-API"), List.of("PAYMENTS-API"),
                        new RunCounts(14, 2, 12, 0, 0, 0, 0), List.of()),
                new DiscoveryRun(2, CYCLE, SourceKind.MANUAL_TEST, "ZAP", "2.15.0", "zap", "checkout-zap.json",
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", at(3), at(3), "tester",
                        true, List.of("CHECKOUT"), List.of("CHECKOUT"), new RunCounts(3, 1, 2, 0, 0, 0, 1),
                        List.of()));
    }

    private static CoverageMatrix coverage() {
        List<CoverageMatrix.Row> rows = new ArrayList<>();
        for (Surface surface : surfaces()) {
            List<CoverageMatrix.Cell> cells = new ArrayList<>();
            for (SourceKind kind : SourceKind.values()) {
                boolean external = kind == SourceKind.EXTERNAL_SCAN && surface.key().equals("PAYMENTS-API");
                boolean manual = kind == SourceKind.MANUAL_TEST && surface.key().equals("CHECKOUT");
                CoverageState state = external ? CoverageState.COVERED : manual ? CoverageState.STALE
                        : CoverageState.NEVER;
                cells.add(new CoverageMatrix.Cell(kind, state, external ? at(2) : manual ? at(3) : null,
                        external ? 1 : manual ? 2 : 0, external || manual ? 1 : 0));
            }
            rows.add(new CoverageMatrix.Row(surface.key(), surface.name(), cells));
        }
        return new CoverageMatrix(CYCLE, at(50), Duration.ofDays(30), rows);
    }

    private static List<FeedUse> feeds() {
        return List.of(
                new FeedUse("EPSS", "v2026.03.14", "2026-08-19T12:55:00Z", "epss_scores-2026-08-19.csv.gz",
                        new Freshness(Instant.parse("2026-08-19T12:55:00Z"), at(50), Duration.ofDays(3))),
                new FeedUse("KEV", "2026.08.18", "2026-08-18T15:00:00Z", "known_exploited_vulnerabilities.json",
                        new Freshness(Instant.parse("2026-08-18T15:00:00Z"), at(50), Duration.ofDays(7))));
    }

    private static Decision decision(String key, Tier tier, LocalDate due, boolean overdue, List<Factor> factors) {
        int score = factors.stream().mapToInt(Factor::contribution).sum();
        SsvcDecision ssvc = new SsvcDecision(SsvcInput.unknown("not given"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("not given"), SsvcInput.unknown("not given"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("not given"), EnumSet.of(SsvcOutcome.ATTEND, SsvcOutcome.ACT));
        Deadline deadline = new Deadline(due, due == null ? "" : "KEV dueDate as published",
                due == null ? "" : "the catalogue's dueDate", overdue, false, List.of());
        return new Decision(key, score, tier, ssvc, deadline, factors, feeds(), "ctem-default", 1, at(50));
    }

    private static Factor factor(FactorKind kind, int tenths, String label, String source) {
        return new Factor(kind, tenths, label, "", Provenance.of(source));
    }

    private static List<Decision> decisions() {
        return List.of(
                decision(LOG4SHELL, Tier.CRITICAL, LocalDate.parse("2026-07-10"), true, List.of(
                        factor(FactorKind.KEV, 250, "in CISA KEV (CVE-2021-44228)", "KEV"),
                        factor(FactorKind.EPSS_PROBABILITY, 199, "EPSS 0.94358 (percentile 0.99957) for CVE-2021-44228", "EPSS"),
                        factor(FactorKind.CVSS, 300, "CVSS 3.1 base 10.0", "CVSS"),
                        factor(FactorKind.CRITICALITY, 100, "criticality Critical (PAYMENTS-API)", "scoping"),
                        factor(FactorKind.EXPOSURE, 50, "Internet-facing", "scoping"))),
                decision(XSS, Tier.HIGH, null, false, List.of(
                        factor(FactorKind.KEV, 0, "not in CISA KEV", "KEV"),
                        factor(FactorKind.CVSS, 410, "CVSS 3.1 base 6.1", "CVSS"),
                        factor(FactorKind.CRITICALITY, 75, "criticality High (CHECKOUT)", "scoping"),
                        factor(FactorKind.EXPOSURE, 0, "exposure unknown", "scoping"),
                        factor(FactorKind.VALIDATION, 150, "exploitable (confirmed)", "validation"))),
                decision(OPENSSH, Tier.MEDIUM, LocalDate.parse("2026-09-30"), false, List.of(
                        factor(FactorKind.EPSS_PROBABILITY, 120, "EPSS 0.41235 (percentile 0.97416) for CVE-2024-6387", "EPSS"),
                        factor(FactorKind.CVSS, 310, "CVSS 3.1 base 8.1", "CVSS"),
                        factor(FactorKind.CRITICALITY, 100, "criticality Critical (PAYMENTS-API)", "scoping"))));
    }

    public static List<FindingEvidence> findings() {
        List<Decision> decisions = decisions();
        List<RegisterEntry> register = register();
        return List.of(
                new FindingEvidence(finding(1, LOG4SHELL, "PAYMENTS-API", AssetKind.HOST, "api.pay.example.com",
                        "Apache Log4j2 JNDI remote code execution (Log4Shell)", List.of("CVE-2021-44228"),
                        List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), ObservedSeverity.CRITICAL),
                        List.of("Nessus (External scan)"), 2, decisions.get(0), register.get(0)),
                new FindingEvidence(finding(2, XSS, "CHECKOUT", AssetKind.URL,
                        "https://shop.example.com/checkout/search?q=", HOSTILE_TITLE, List.of(),
                        List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), ObservedSeverity.MEDIUM),
                        List.of("ZAP (Manual test)"), 1, decisions.get(1), register.get(1)),
                new FindingEvidence(finding(3, OPENSSH, "PAYMENTS-API", AssetKind.IP_ADDRESS, "203.0.113.10",
                        "OpenSSH regreSSHion signal handler race", List.of("CVE-2024-6387"),
                        List.of("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"), ObservedSeverity.HIGH),
                        List.of("Nessus (External scan)", "Trivy (Code scan)"), 3, decisions.get(2), register.get(2)),
                new FindingEvidence(finding(4, "F-4d5e6f708192a3b4", null, AssetKind.HOST, "legacy.example.net",
                        "TLS 1.0 enabled", List.of(), List.of(), ObservedSeverity.LOW),
                        List.of("Nessus (External scan)"), 1, null, null));
    }

    private static Finding finding(long id, String key, String surface, AssetKind kind, String asset, String title,
                                   List<String> cves, List<String> vectors, ObservedSeverity severity) {
        String hash = key.substring(2) + "0".repeat(48);
        return new Finding(id, CYCLE, new FindingIdentity(FindingIdentity.Kind.RULE, hash), surface,
                new Asset(kind, asset, asset), title, "scanner", "rule-" + id, "", severity, FindingStatus.OPEN,
                cves, List.of(), vectors, at(2), at(3), 1, 2, 0);
    }

    public static List<RankedDecision> queue() {
        List<Decision> decisions = decisions();
        return List.of(new RankedDecision(1, decisions.get(0)), new RankedDecision(2, decisions.get(1)),
                new RankedDecision(3, decisions.get(2), new ValidationRecord(CYCLE, OPENSSH, ValidationMethod.RETEST,
                        ValidationOutcome.RETEST_PASSED, "no longer reachable", List.of(), "tester", at(55),
                        FindingStatus.RESOLVED, FindingStatus.VERIFIED), FindingStatus.VERIFIED));
    }

    public static List<ValidationRecord> validations() {
        return List.of(new ValidationRecord(CYCLE, XSS, ValidationMethod.EXPLOIT_REPRODUCTION,
                ValidationOutcome.EXPLOITABLE_CONFIRMED, HOSTILE_NOTE, List.of("VAL-12 screen recording",
                "https://wiki.example.com/x/validation-12"), "tester", at(6), FindingStatus.OPEN,
                FindingStatus.OPEN));
    }

    public static List<RegisterEntry> register() {
        return List.of(
                new RegisterEntry(CYCLE, LOG4SHELL, FindingStatus.IN_PROGRESS, "platform.team",
                        LocalDate.parse("2026-07-10"), "CHG-4711", "vendor patch 2.17.1", "retest with Nessus plugin 156032",
                        "SEC-101", null, "", at(4), at(8)),
                new RegisterEntry(CYCLE, XSS, FindingStatus.RISK_ACCEPTED, "web.team", LocalDate.parse("2026-08-15"),
                        "", "", "", "SEC-102", new RiskAcceptance("cfo.office", "WAF rule 942100 blocks the payload",
                        LocalDate.parse("2026-12-31"), "lead", at(7)), "", at(4), at(7)),
                new RegisterEntry(CYCLE, OPENSSH, FindingStatus.VERIFIED, "infra.team", LocalDate.parse("2026-10-15"),
                        "CHG-4720", "", "no longer seen by the external scan", "SEC-103", null, "CTEM-2026-Q2", at(4),
                        at(20), "lead", "the vendor's maintenance window"));
    }

    /** The register beside each finding's decision. */
    public static List<RegisterItem> registerItems() {
        List<Decision> decisions = decisions();
        return register().stream().map(e -> new RegisterItem(e, decisions.stream()
                .filter(d -> d.findingKey().equals(e.findingKey())).findFirst().orElse(null))).toList();
    }

    public static List<LogEntry> log() {
        return List.of(
                entry(1, at(0), "lead", LogAction.CYCLE_OPENED, "cycle:" + CYCLE, "", "{\"stage\":\"SCOPING\"}"),
                entry(2, at(0).plusSeconds(300), "lead", LogAction.SURFACE_ADDED, "surface:PAYMENTS-API", "",
                        "{\"criticality\":\"CRITICAL\"}"),
                entry(3, at(0).plusSeconds(600), HOSTILE_ACTOR, LogAction.SURFACE_ADDED, "surface:CHECKOUT", "",
                        "{\"name\":\"" + HOSTILE_SURFACE.replace("\"", "\\\"") + "\"}"),
                entry(4, at(2), "lead", LogAction.IMPORTED, "run:1", "", "{\"observations\":\"14\"}"),
                entry(5, at(2).plusSeconds(5), "lead", LogAction.FINDINGS_ENROLLED, "register", "",
                        "{\"findings\":\"3\"}"),
                entry(6, at(4), "lead", LogAction.MOBILISED, "finding:" + LOG4SHELL, "",
                        "{\"owner\":\"platform.team\",\"deadline\":\"2026-07-10\"}"),
                entry(7, at(6), "tester", LogAction.VALIDATION_RECORDED, "finding:" + XSS,
                        "{\"status\":\"OPEN\"}", "{\"outcome\":\"EXPLOITABLE_CONFIRMED\",\"notes\":\""
                                + HOSTILE_NOTE.replace("\"", "\\\"") + "\"}"),
                entry(8, at(7), "lead", LogAction.RISK_ACCEPTED, "finding:" + XSS, "{\"status\":\"OPEN\"}",
                        "{\"status\":\"RISK_ACCEPTED\"}"),
                surfaceChange(),
                entry(10, at(20), "scheduler", LogAction.STATUS_CHANGED, "finding:" + OPENSSH,
                        "{\"status\":\"IN_PROGRESS\"}", "{\"status\":\"VERIFIED\"}"));
    }

    private static LogEntry entry(long sequence, Instant at, String actor, LogAction action, String subject,
                                  String before, String after) {
        String hash = String.format("%064x", sequence);
        String previous = String.format("%064x", sequence - 1);
        return new LogEntry(CYCLE, sequence, at, actor, action.name(), subject, before, after, previous, hash);
    }

    private static MetricsSnapshot metrics() {
        return new MetricsSnapshot(Map.of(MetricsSnapshot.DISCOVERED, 4, MetricsSnapshot.PRIORITISED, 3,
                MetricsSnapshot.VALIDATED, 1, MetricsSnapshot.MOBILISED, 3, MetricsSnapshot.CLOSED, 1),
                Map.of("CRITICAL", 1, "HIGH", 1, "MEDIUM", 1, MetricsSnapshot.UNRANKED, 1),
                Map.of(FindingStatus.IN_PROGRESS, 1, FindingStatus.RISK_ACCEPTED, 1, FindingStatus.VERIFIED, 1),
                1, 2, 2);
    }

    private static List<PlannedCheckpoint> planned() {
        return List.of(
                new PlannedCheckpoint(LocalDate.parse("2026-07-15"), PlannedCheckpoint.Status.HELD,
                        LocalDate.parse("2026-07-15")),
                new PlannedCheckpoint(LocalDate.parse("2026-07-29"), PlannedCheckpoint.Status.MISSED, null),
                new PlannedCheckpoint(LocalDate.parse("2026-08-12"), PlannedCheckpoint.Status.MISSED, null),
                new PlannedCheckpoint(LocalDate.parse("2026-08-26"), PlannedCheckpoint.Status.UPCOMING, null));
    }
}
