package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.ctemcycles.core.cycle.Stage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Moves a cycle's declared stage forward, one stage at a time, through the gates of {@link StageGates}. A gate whose
 * criteria are unmet refuses the move unless a security lead overrides it with a reason; the override and the
 * transition are logged. Two transitions racing from the same stage: one wins, the other gets a
 * {@link ConflictException}. Closing goes through {@link ClosureService}, which writes the closure summary.
 */
public class StageService {

    static final int MAX_REASON_LENGTH = 2_000;

    private final CycleService cycles;
    private final StageGates gates;
    private final SecurityLeads leads;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public StageService(CycleService cycles, StageGates gates, SecurityLeads leads, ActivityLog log,
                        Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.gates = gates;
        this.leads = leads;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Advances the cycle to {@code target}, which must be the stage after its current one (Discovery to
     * Mobilisation; Closed is reached by closing).
     *
     * @param override null, or a security lead's override of unmet criteria
     * @throws GateNotMetException   listing the unmet criteria when there is no override
     * @throws ConflictException     when the cycle is already in {@code target}, or another transition won the race
     * @throws InvalidInputException when {@code target} is not the next stage, or the override is not allowed
     */
    public StageTransition advance(String cycleKey, Stage target, GateOverride override, String actor) {
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.get(cycleKey);
            if (target == Stage.CLOSED) {
                throw new InvalidInputException("stage", "a cycle is closed by closing it, which writes its closure"
                        + " summary");
            }
            return transition(cycle, target, override, actor);
        });
    }

    /** The unmet entry criteria of the stage after the cycle's current one (empty when it may advance, or is closed). */
    public List<String> nextGate(String cycleKey) {
        Cycle cycle = cycles.get(cycleKey);
        return cycle.stage().next().map(next -> gates.unmet(cycle, next)).orElse(List.of());
    }

    /** Checks the gate and moves the cycle; joins the caller's transaction. */
    StageTransition transition(Cycle cycle, Stage target, GateOverride override, String actor) {
        if (cycle.closed()) {
            throw new InvalidInputException("stage", "cycle " + cycle.key() + " is closed");
        }
        if (cycle.stage() == target) {
            throw new ConflictException("cycle " + cycle.key() + " is already in " + target.label()
                    + " (someone moved it there first); reload it and try again");
        }
        Stage next = cycle.stage().next().orElseThrow();
        if (target != next) {
            throw new InvalidInputException("stage", "cycle " + cycle.key() + " is in " + cycle.stage().label()
                    + "; it can only advance to " + next.label() + ", one stage at a time");
        }
        List<String> unmet = gates.unmet(cycle, target);
        String reason = "";
        if (!unmet.isEmpty()) {
            if (override == null) {
                throw new GateNotMetException(target, unmet);
            }
            reason = checkOverride(override, cycle, actor);
        }
        Cycle moved = cycles.save(cycle.withStage(target));
        Instant now = clock.instant();
        String subject = LogRecord.cycleSubject(cycle.key());
        if (!unmet.isEmpty()) {
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.GATE_OVERRIDDEN, subject,
                    StateText.of("stage", cycle.stage().name()).and("unmet", String.join("; ", unmet)).toString(),
                    StateText.of("stage", target.name()).and("reason", reason).toString()));
        }
        log.append(new LogRecord(cycle.key(), now, actor, LogAction.STAGE_ADVANCED, subject,
                StateText.of("stage", cycle.stage().name()).and("version", cycle.version()).toString(),
                StateText.of("stage", target.name()).and("version", moved.version()).toString()));
        return new StageTransition(moved, cycle.stage(), unmet, reason);
    }

    private String checkOverride(GateOverride override, Cycle cycle, String actor) {
        if (!leads.isSecurityLead(actor, cycle)) {
            throw new InvalidInputException("override", "only a security lead may override a stage gate; "
                    + actor + " is not one");
        }
        String reason = override.reason() == null ? "" : override.reason().trim();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "an override needs a reason, which is logged");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "is " + reason.length() + " characters long; at most "
                    + MAX_REASON_LENGTH + " are allowed");
        }
        return reason;
    }
}
