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
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a cycle's evidence pack from the live record, never from a copy: scoping, discovery coverage, the
 * finding set, the queue with its rationale, validation evidence, the mobilisation register with its closure trail,
 * the closure summary, the cadence record and the activity log with its verification, plus which evidence items are
 * present and what each compliance control still lacks. The pack is bound to a {@link Snapshot} of the record taken
 * at assembly, so its renderings agree with each other while the cycle goes on changing.
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
    private final ActivityLog log;
    private final EvidenceSource source;
    private final ControlCatalogue catalogue;
    private final Clock clock;

    public EvidencePackService(CycleService cycles, ScopeRegister scope, DiscoveryService discovery,
                               CheckpointService checkpoints, ClosureService closure, ActivityLog log,
                               EvidenceSource source, ControlCatalogue catalogue, Clock clock) {
        this.cycles = cycles;
        this.scope = scope;
        this.discovery = discovery;
        this.checkpoints = checkpoints;
        this.closure = closure;
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
        ChainVerifier.Pass verification = new ChainVerifier.Pass(key); // in the same read of the log
        for (LogEntry entry : logRows) {
            verification.accept(entry);
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
        Rows<FindingEvidence> findings = new Rows<>((after, limit) -> source.findings(key, after, at.findingId(), limit),
                PAGE);
        Optional<String> run = source.queueRun(key);
        Rows<RankedDecision> queue = run.isEmpty() ? Rows.of(List.of())
                : new Rows<>((after, limit) -> source.queue(run.get(), after, limit), PAGE);
        Rows<ValidationRecord> validations =
                new Rows<>((after, limit) -> source.validations(key, after, at.validationId(), limit), PAGE);
        Rows<RegisterEntry> register = new Rows<>((after, limit) -> source.register(key, after, at.registerId(),
                limit), PAGE);
        List<RankedDecision> top = run.isEmpty() ? List.of() : source.queue(run.get(), 0, 1).rows();
        String policy = top.isEmpty() ? "" : top.get(0).decision().policyId() + " v"
                + top.get(0).decision().policyVersion();
        List<FeedUse> feeds = top.isEmpty() ? List.of() : top.get(0).decision().feeds();
        CheckpointSchedule schedule = checkpoints.schedule(key);
        ClosureSummary summary = closure.summary(key).orElse(null);
        ChainReport chain = verification.finish(head);

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
        boolean registerEmpty = register.isEmpty();
        items.add(status(EvidenceItem.PRIORITISATION_RATIONALE, !top.isEmpty(), registerEmpty
                ? "the register holds no finding" : "the register was never prioritised"));
        items.add(status(EvidenceItem.VALIDATION_EVIDENCE, !validations.isEmpty(), "no finding was validated"));
        long unowned = 0;
        for (RegisterEntry entry : register) {
            if (entry.unassigned()) {
                unowned++;
            }
        }
        items.add(status(EvidenceItem.MOBILISATION_REGISTER, !registerEmpty && unowned == 0, registerEmpty
                ? "the register holds no finding"
                : unowned + " findings still needing work have no owner and deadline"));
        items.add(status(EvidenceItem.CLOSURE_SUMMARY, summary != null, "the cycle is not closed yet"));
        items.add(status(EvidenceItem.CADENCE_RECORD, !schedule.held().isEmpty(), "no checkpoint was held"));
        items.add(status(EvidenceItem.ACTIVITY_LOG_VERIFICATION, chain.intact(),
                chain.broken().map(Object::toString).orElse("")));
        Set<EvidenceItem> present = EnumSet.noneOf(EvidenceItem.class);
        items.stream().filter(ItemStatus::present).forEach(s -> present.add(s.item()));

        return new EvidencePack(cycle, clock.instant(), actor, surfaces, scopeRecordedAt, discoveryStartedAt,
                surfaceChanges, runs, discovery.coverage(key, STALE_AFTER), findings, policy, feeds, queue,
                validations, register, checkpoints.metrics(key, register), schedule, summary, closure.cadence(key), chain,
                logRows, items, catalogue.assess(present));
    }

    private static ItemStatus status(EvidenceItem item, boolean present, String whyMissing) {
        return new ItemStatus(item, present, present ? "" : whyMissing);
    }
}
