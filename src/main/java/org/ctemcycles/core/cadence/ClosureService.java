package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeService;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.scope.Surface;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Closure and handover. Closing moves a cycle from Mobilisation to Closed through the Closed gate and writes its
 * {@link ClosureSummary}; the register is frozen from then on. Handing over opens (or links) the next cycle, which
 * inherits the residual queue: every finding still needing work or watching, with its status, owner, deadline,
 * tracker issue and acceptance, its history kept under the same finding key. Both are logged in both chains.
 * Closing also writes the recommended next-cycle scope ({@link ScopeRecommendations}); the handover may take items
 * of it. Once the closure has committed, it freezes the evidence pack ({@link ClosureSeal}) and logs the frozen
 * renderings' hashes, so what an auditor reads later is what was signed off (ADR 083, 084).
 */
public class ClosureService {

    private final CycleService cycles;
    private final StageService stages;
    private final RegisterRepository register;
    private final ScopeService scoping;
    private final CheckpointService checkpoints;
    private final ClosureRepository closures;
    private final ScopeRecommendations recommendations;
    private final RecordDigests digests;
    private final ClosureSeal seal;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public ClosureService(CycleService cycles, StageService stages, RegisterRepository register, ScopeService scoping,
                          CheckpointService checkpoints, ClosureRepository closures, RecordDigests digests,
                          ScopeRecommendations recommendations, ClosureSeal seal, ActivityLog log,
                          Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.stages = stages;
        this.register = register;
        this.scoping = scoping;
        this.checkpoints = checkpoints;
        this.closures = closures;
        this.recommendations = recommendations;
        this.digests = digests;
        this.seal = seal;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Closes a cycle that is in Mobilisation and writes its closure summary.
     *
     * @param override null, or a security lead's override of the Closed gate
     * @throws GateNotMetException listing the unmet criteria when there is no override
     */
    public ClosureSummary close(String cycleKey, GateOverride override, String actor) {
        Cycle current = cycles.get(cycleKey);
        if (current.closed() && seal.unfinished(current.key())) {
            // a retry of a closure whose freeze did not finish (a failure or a kill after the closure committed)
            seal.finish(current.key());
            return closures.find(current.key()).orElseThrow();
        }
        ClosureSummary closed = transactions.inTransaction(() -> {
            Cycle cycle = cycles.get(cycleKey);
            if (cycle.closed()) {
                throw new InvalidInputException("cycle", "cycle " + cycle.key() + " is already closed");
            }
            StageTransition transition = stages.transition(cycle, Stage.CLOSED, override, actor);
            Instant now = clock.instant();
            List<RegisterEntry> entries = register.list(cycle.key());
            ClosureSummary summary = new ClosureSummary(cycle.key(), now, actor,
                    keys(entries, e -> e.status() == FindingStatus.VERIFIED),
                    keys(entries, e -> e.status() == FindingStatus.FALSE_POSITIVE),
                    keys(entries, RegisterEntry::residual),
                    (int) entries.stream().filter(e -> e.status() == FindingStatus.RISK_ACCEPTED).count(),
                    surfaceChanges(cycle.key()),
                    scoping.list(cycle.key()).stream().map(Surface::key).toList(),
                    checkpoints.metrics(cycle, LocalDate.now(clock)));
            closures.insert(summary);
            RecordDigests.Pending digest = digests.compute(cycle.key(), RecordDigest.Kind.CLOSURE,
                    LocalDate.ofInstant(now, clock.getZone()), now);
            LogEntry entry = log.append(new LogRecord(cycle.key(), now, actor, LogAction.CYCLE_CLOSED,
                    LogRecord.cycleSubject(cycle.key()), "", digest.describe(StateText.of("delivered",
                    summary.delivered().size())
                    .and("falsePositives", summary.falsePositives().size())
                    .and("carriedOver", summary.carriedOver().size())
                    .and("riskAccepted", summary.riskAccepted())
                    .and("surfaceChanges", summary.surfaceChanges().size())).toString()));
            digests.store(digest, entry.sequence());
            recommendations.recordAtClosure(cycle, entries, transition.overriddenCriteria(), now, actor);
            seal.owe(cycle.key(), now, actor);
            return summary;
        });
        // after the commit, in transactions of its own: on H2 one transaction reading the whole pack would hold
        // every CLOB it read until it ended (ADR 084)
        seal.finish(closed.cycleKey());
        return closed;
    }

    /**
     * Hands a closed cycle's residual queue to the next cycle, opening it or linking an existing one in Scoping.
     *
     * @throws InvalidInputException when the cycle is not closed, was already handed over, or the request is wrong
     */
    public Handover handover(String closedKey, HandoverRequest request, String actor) {
        boolean opensNew = request.newCycle() != null;
        boolean linksExisting = request.nextCycleKey() != null && !request.nextCycleKey().isBlank();
        if (opensNew == linksExisting) {
            throw new InvalidInputException("next", "name the next cycle: either open a new one or give the key of"
                    + " an existing cycle in Scoping, not both");
        }
        Cycle before = cycles.get(closedKey);
        if (before.closed()) {
            // the pack is frozen as the closure left it, before the handover changes the record
            seal.finish(before.key());
        }
        return transactions.inTransaction(() -> {
            Cycle closed = cycles.get(closedKey);
            if (!closed.closed()) {
                throw new InvalidInputException("cycle", "cycle " + closed.key() + " is in " + closed.stage().label()
                        + "; close it before handing it over");
            }
            if (!closed.successorKey().isEmpty()) {
                throw new InvalidInputException("cycle", "cycle " + closed.key() + " was already handed over to "
                        + closed.successorKey());
            }
            Cycle next = opensNew ? cycles.open(request.newCycle(), closed.key(), actor)
                    : link(closed, request.nextCycleKey(), actor);
            cycles.save(closed.withSuccessor(next.key()));
            Instant now = clock.instant();
            List<RegisterEntry> residual = register.list(closed.key()).stream().filter(RegisterEntry::residual)
                    .toList();
            Set<String> present = register.enrolled(next.key(), residual.stream().map(RegisterEntry::findingKey)
                    .toList());
            List<RegisterEntry> inherited = residual.stream().filter(e -> !present.contains(e.findingKey()))
                    .map(e -> e.carriedInto(next.key(), now)).toList();
            String findings = inherited.stream().map(RegisterEntry::findingKey).collect(Collectors.joining(" "));
            log.append(new LogRecord(closed.key(), now, actor, LogAction.HANDED_OVER,
                    LogRecord.cycleSubject(closed.key()), "", StateText.of("next", next.key())
                    .and("inherited", inherited.size()).and("findings", findings).toString()));
            log.append(new LogRecord(next.key(), now, actor, LogAction.RESIDUAL_INHERITED, LogRecord.REGISTER_SUBJECT, "",
                    StateText.of("from", closed.key()).and("count", inherited.size()).and("findings", findings)
                            .toString()));
            register.insertAll(inherited);
            List<Surface> carried = request.carryScope() ? scoping.carryOver(closed.key(), next.key(), actor, now) : List.of();
            List<RecommendedItem> taken = recommendations.takeInto(closed, cycles.get(next.key()), request.take(),
                    actor, now);
            return new Handover(closed.key(), cycles.get(next.key()), inherited, carried, taken);
        });
    }

    /** The closure summary of a closed cycle; empty while it runs. */
    public Optional<ClosureSummary> summary(String cycleKey) {
        return closures.find(cycles.get(cycleKey).key());
    }

    /** The cycle's cadence record: start, planned end, planned and actual checkpoints, closure, next cycle and scope. */
    public CadenceRecord cadence(String cycleKey) {
        Cycle cycle = cycles.get(cycleKey);
        CheckpointSchedule schedule = checkpoints.schedule(cycle.key());
        Optional<ClosureSummary> closure = closures.find(cycle.key());
        return new CadenceRecord(cycle.key(), cycle.cadence().start(), cycle.cadence().plannedEnd(),
                schedule.planned(), schedule.held().stream().map(Checkpoint::heldOn).toList(),
                closure.map(c -> LocalDate.ofInstant(c.closedAt(), clock.getZone())).orElse(null),
                cycle.successorKey(), closure.map(ClosureSummary::nextScope).orElse(List.of()));
    }

    private Cycle link(Cycle closed, String nextKey, String actor) {
        Cycle next = cycles.get(nextKey);
        if (next.key().equals(closed.key())) {
            throw new InvalidInputException("next", "a cycle cannot hand over to itself");
        }
        if (next.stage() != Stage.SCOPING) {
            throw new InvalidInputException("next", "cycle " + next.key() + " is in " + next.stage().label()
                    + "; a cycle inherits a residual queue while it is still in Scoping");
        }
        if (!next.predecessorKey().isEmpty()) {
            throw new InvalidInputException("next", "cycle " + next.key() + " already inherits from "
                    + next.predecessorKey());
        }
        Cycle linked = cycles.save(next.withPredecessor(closed.key()));
        log.append(new LogRecord(next.key(), clock.instant(), actor, LogAction.SCOPE_RECORDED,
                LogRecord.cycleSubject(next.key()), StateText.of("predecessor", "").toString(),
                StateText.of("predecessor", closed.key()).toString()));
        return linked;
    }

    /** Surfaces added or changed after the cycle left Scoping, oldest first, as one line each. */
    private List<String> surfaceChanges(String cycleKey) {
        List<String> changes = new ArrayList<>();
        boolean running = false;
        for (LogEntry entry : log.chain(cycleKey)) {
            if (entry.is(LogAction.STAGE_ADVANCED)) {
                running = true;
            } else if (running && entry.is(LogAction.SURFACE_ADDED, LogAction.SURFACE_CHANGED)) {
                changes.add(LocalDate.ofInstant(entry.at(), clock.getZone()) + " " + entry.actor() + " "
                        + (entry.is(LogAction.SURFACE_ADDED) ? "added " : "changed ")
                        + entry.subject().replaceFirst("^surface:", "surface "));
            }
        }
        return changes;
    }

    private static List<String> keys(List<RegisterEntry> entries, Predicate<RegisterEntry> which) {
        return entries.stream().filter(which).map(RegisterEntry::findingKey).toList();
    }
}
