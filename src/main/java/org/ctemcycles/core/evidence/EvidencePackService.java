package org.ctemcycles.core.evidence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.ChainVerifier;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.CheckpointService;
import org.ctemcycles.core.cadence.ClosureService;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.ScopeRecommendations;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.RecordDigests;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.CoverageState;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.evidence.compliance.CycleFigures;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.FactorKind;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a cycle's evidence pack from the live record, never from a copy: scoping, discovery coverage, the
 * finding set, the queue with its rationale, validation evidence, the mobilisation register with its closure trail,
 * the closure summary, the cadence record and the activity log with its verification (the hash chain, its keyed
 * anchor and the record digests of checkpoints and closure), plus which evidence items are present and, per
 * compliance control, what evidence it still lacks and whether the cycle met the objective it supports. The pack is
 * bound to a {@link Snapshot} of the record taken at assembly, so its renderings agree with each other while the
 * cycle goes on changing.
 */
public class EvidencePackService {

    /** Rows read per query when a rendering iterates a large section. */
    public static final int PAGE = 500;
    /** A surface last covered longer ago than this shows as stale in the coverage record. */
    public static final Duration STALE_AFTER = Duration.ofDays(30);

    private final CycleService cycles;
    private final ScopeRegister scope;
    private final DiscoveryService discovery;
    private final CheckpointService checkpoints;
    private final ClosureService closure;
    private final ScopeRecommendations recommendations;
    private final RecordDigests digests;
    private final ActivityLog log;
    private final EvidenceSource source;
    private final ControlCatalogue catalogue;
    private final Clock clock;

    public EvidencePackService(CycleService cycles, ScopeRegister scope, DiscoveryService discovery,
                               CheckpointService checkpoints, ClosureService closure,
                               ScopeRecommendations recommendations, RecordDigests digests,
                               ActivityLog log, EvidenceSource source, ControlCatalogue catalogue, Clock clock) {
        this.cycles = cycles;
        this.scope = scope;
        this.discovery = discovery;
        this.checkpoints = checkpoints;
        this.closure = closure;
        this.recommendations = recommendations;
        this.digests = digests;
        this.log = log;
        this.source = source;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public EvidencePack assemble(String cycleKey, String actor) {
        Cycle cycle = cycles.get(cycleKey);
        String key = cycle.key();
        ChainHead head = log.head(key).orElse(null);
        Snapshot at = source.snapshot(key);
        Rows<LogEntry> logRows = new Rows<>((after, limit) -> source.log(key, after, at.logSequence(), limit), PAGE);
        Instant scopeRecordedAt = null;
        Instant discoveryStartedAt = null;
        List<LogEntry> surfaceChanges = new ArrayList<>();
        // verified in the same read of the log: the chain (with its keyed anchor) and the record digests
        ChainVerifier.Pass verification = new ChainVerifier.Pass(key, log.anchor());
        RecordDigests.Check recordCheck = digests.check(key);
        for (LogEntry entry : logRows) {
            verification.accept(entry);
            recordCheck.accept(entry);
            boolean scoping = entry.is(LogAction.CYCLE_OPENED, LogAction.SCOPE_RECORDED, LogAction.SURFACE_ADDED,
                    LogAction.SURFACE_CHANGED);
            boolean startsDiscovery = entry.is(LogAction.IMPORTED) || entry.is(LogAction.STAGE_ADVANCED)
                    && entry.after().contains("\"stage\":\"" + Stage.DISCOVERY.name() + "\"");
            if (discoveryStartedAt == null && startsDiscovery) {
                discoveryStartedAt = entry.at();
            }
            if (scoping && discoveryStartedAt == null) {
                scopeRecordedAt = entry.at();
            } else if (scoping && !entry.is(LogAction.SCOPE_RECORDED)) {
                surfaceChanges.add(entry);
            }
        }
        List<Surface> surfaces = scope.list(key);
        List<DiscoveryRun> runs = discovery.runs(key);
        ClosureSummary summary = closure.summary(key).orElse(null);
        Instant generatedAt = clock.instant();
        Instant asOf = summary == null ? generatedAt : summary.closedAt();
        CoverageMatrix coverage = discovery.coverage(key, STALE_AFTER, asOf);
        Rows<FindingEvidence> findings = new Rows<>((after, limit) -> source.findings(key, after, at.findingId(), limit),
                PAGE);
        Optional<String> run = source.queueRun(key);
        Rows<RankedDecision> queue = run.isEmpty() ? Rows.of(List.of())
                : new Rows<>((after, limit) -> withLaterValidations(key, source.queue(run.get(), after, limit)), PAGE);
        Rows<ValidationRecord> validations =
                new Rows<>((after, limit) -> source.validations(key, after, at.validationId(), limit), PAGE);
        Rows<RegisterEntry> entries = new Rows<>((after, limit) -> source.register(key, after, at.registerId(), limit),
                PAGE);
        Rows<RegisterItem> register = new Rows<>((after, limit) -> withDecisions(key,
                source.register(key, after, at.registerId(), limit)), PAGE);
        List<RankedDecision> top = run.isEmpty() ? List.of() : source.queue(run.get(), 0, 1).rows();
        String policy = top.isEmpty() ? "" : top.get(0).decision().policyId() + " v"
                + top.get(0).decision().policyVersion();
        List<FeedUse> feeds = top.isEmpty() ? List.of() : top.get(0).decision().feeds();
        CheckpointSchedule schedule = checkpoints.schedule(key);
        ChainReport chain = verification.finish(head);
        RecordReport records = recordCheck.finish();

        List<ItemStatus> items = new ArrayList<>();
        boolean scopedBeforeDiscovery = EvidencePack.scopedBefore(scopeRecordedAt, discoveryStartedAt);
        boolean completeSurface = surfaces.stream().anyMatch(s -> !s.businessOwner().isBlank()
                && s.criticality() != null && !s.successCriterion().isBlank());
        items.add(status(EvidenceItem.SCOPING_DOCUMENT, !cycle.objective().isBlank()
                        && !cycle.successCriteria().isBlank() && completeSurface && scopedBeforeDiscovery,
                cycle.objective().isBlank() || cycle.successCriteria().isBlank()
                        ? "the cycle's objective or success criteria are not recorded"
                        : !completeSurface ? "no surface has a business owner, a criticality and a success criterion"
                        : !scopedBeforeDiscovery ? "the scope was not recorded before discovery started" : ""));
        items.add(status(EvidenceItem.DISCOVERY_COVERAGE, !runs.isEmpty(), "no discovery run was recorded"));
        items.add(status(EvidenceItem.FINDING_SET, !runs.isEmpty(), "no discovery run was recorded"));
        boolean registerEmpty = entries.isEmpty();
        items.add(status(EvidenceItem.PRIORITISATION_RATIONALE, !top.isEmpty(), registerEmpty
                ? "the register holds no finding" : "the register was never prioritised"));
        items.add(status(EvidenceItem.VALIDATION_EVIDENCE, !validations.isEmpty(), "no finding was validated"));
        boolean intact = chain.intact() && records.intact();
        CycleFigures figures = figures(LocalDate.ofInstant(asOf, clock.getZone()), register, validations, coverage,
                feeds, intact);
        Instant ranked = top.isEmpty() ? null : top.get(0).decision().decidedAt();
        int validationsSinceQueue = 0;
        for (ValidationRecord v : validations) {
            validationsSinceQueue += ranked != null && v.validatedAt().isAfter(ranked) ? 1 : 0;
        }
        items.add(status(EvidenceItem.MOBILISATION_REGISTER, !registerEmpty && figures.unassigned() == 0,
                registerEmpty ? "the register holds no finding" : figures.unassigned() + " of "
                        + figures.needingWork() + " findings still needing work have no owner and deadline"));
        items.add(status(EvidenceItem.CLOSURE_SUMMARY, summary != null, "the cycle is not closed yet"));
        items.add(status(EvidenceItem.CADENCE_RECORD, !schedule.held().isEmpty(), "no checkpoint was held"));
        items.add(status(EvidenceItem.ACTIVITY_LOG_VERIFICATION, intact, chain.broken().map(Object::toString)
                .orElse(records.breaches().isEmpty() ? "" : records.breachCount() + " changes to the record found by"
                        + " its digests, the first: " + records.breaches().get(0))));
        Set<EvidenceItem> present = EnumSet.noneOf(EvidenceItem.class);
        items.stream().filter(ItemStatus::present).forEach(s -> present.add(s.item()));

        MetricsSnapshot metrics = summary != null ? summary.metrics()
                : checkpoints.metrics(key, entries);
        return new EvidencePack(cycle, generatedAt, actor, asOf, surfaces, scopeRecordedAt, discoveryStartedAt,
                surfaceChanges, runs, coverage, findings, policy, feeds, queue, validationsSinceQueue, validations,
                register, metrics,
                schedule, summary, closure.cadence(key), chain, records, logRows, items,
                catalogue.assess(present, figures), recommendations.recommendation(key));
    }

    /**
     * A page of the queue with, for each decision, the finding's status in the register and its validation when it
     * is newer than the decision.
     */
    private Page<RankedDecision> withLaterValidations(String cycleKey, Page<RankedDecision> page) {
        if (page.rows().isEmpty()) {
            return page;
        }
        List<String> keys = page.rows().stream().map(r -> r.decision().findingKey()).toList();
        Map<String, ValidationRecord> latest = source.latestValidations(cycleKey, keys);
        Map<String, RegisterEntry> entries = source.registerEntries(cycleKey, keys);
        return new Page<>(page.rows().stream().map(r -> {
            RegisterEntry entry = entries.get(r.decision().findingKey());
            return new RankedDecision(r.rank(), r.decision(), latest.get(r.decision().findingKey()),
                    entry == null ? null : entry.status());
        }).toList(), page.next());
    }

    /** A page of the register with each finding's decision in the current queue (whose deadline is the policy's). */
    private Page<RegisterItem> withDecisions(String cycleKey, Page<RegisterEntry> page) {
        Map<String, Decision> decisions = page.rows().isEmpty() ? Map.of()
                : source.latestDecisions(cycleKey, page.rows().stream().map(RegisterEntry::findingKey).toList());
        return new Page<>(page.rows().stream().map(e -> new RegisterItem(e, decisions.get(e.findingKey())))
                .toList(), page.next());
    }

    /** The figures the controls' objectives are decided by, in one pass over the register (and the validations). */
    private static CycleFigures figures(LocalDate asOf, Rows<RegisterItem> register, Rows<ValidationRecord> validations,
                                       CoverageMatrix coverage, List<FeedUse> feeds, boolean recordIntact) {
        Set<String> validated = new HashSet<>();
        validations.forEach(v -> validated.add(v.findingKey()));
        int registered = 0;
        int ranked = 0;
        int needingWork = 0;
        int unassigned = 0;
        int pastPolicy = 0;
        int laterThanPolicy = 0;
        int[] critical = new int[4]; // total, remediated, accepted, validated
        int[] criticalOrHigh = new int[3];
        int[] kev = new int[3];
        for (RegisterItem item : register) {
            RegisterEntry entry = item.entry();
            Decision decision = item.decision();
            registered++;
            if (entry.needsWork()) {
                needingWork++;
                if (entry.unassigned()) {
                    unassigned++;
                }
                if (item.policyDeadline() != null && item.policyDeadline().isBefore(asOf)) {
                    pastPolicy++;
                }
            }
            if (item.laterThanPolicy()) {
                laterThanPolicy++;
            }
            if (decision == null) {
                continue;
            }
            ranked++;
            boolean remediated = entry.status() == FindingStatus.VERIFIED
                    || entry.status() == FindingStatus.FALSE_POSITIVE;
            boolean accepted = entry.status() == FindingStatus.RISK_ACCEPTED;
            if (decision.tier() == Tier.CRITICAL) {
                count(critical, remediated, accepted);
                critical[3] += validated.contains(entry.findingKey()) ? 1 : 0;
            }
            if (decision.tier() == Tier.CRITICAL || decision.tier() == Tier.HIGH) {
                count(criticalOrHigh, remediated, accepted);
            }
            if (decision.factors().stream().anyMatch(f -> f.kind() == FactorKind.KEV && f.contribution() > 0)) {
                count(kev, remediated, accepted);
            }
        }
        int surfacesCurrent = (int) coverage.rows().stream().filter(row -> row.cells().stream()
                .anyMatch(cell -> cell.state() == CoverageState.COVERED)).count();
        boolean feedsCurrent = !feeds.isEmpty() && feeds.stream().allMatch(f -> f.given() && !f.stale());
        return new CycleFigures(asOf, registered, ranked, needingWork, unassigned, pastPolicy, laterThanPolicy,
                critical[0], critical[1], critical[2], critical[3], criticalOrHigh[0], criticalOrHigh[1],
                criticalOrHigh[2], kev[0], kev[1], kev[2], coverage.rows().size(), surfacesCurrent,
                STALE_AFTER.toDays(), feedsCurrent, recordIntact);
    }

    private static void count(int[] counts, boolean remediated, boolean accepted) {
        counts[0]++;
        counts[1] += remediated ? 1 : 0;
        counts[2] += accepted ? 1 : 0;
    }

    private static ItemStatus status(EvidenceItem item, boolean present, String whyMissing) {
        return new ItemStatus(item, present, present ? "" : whyMissing);
    }
}
