package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.finding.FindingStatus;

import java.time.Instant;

/**
 * Moves one register entry to a new status under {@link FindingLifecycle}'s rules, stores it and logs the change
 * with the status before and after, the cause and a note. Shared by mobilisation (people, risk acceptance, expiry)
 * and validation (outcomes); joins the caller's transaction.
 */
public class StatusChanges {

    private final RegisterRepository register;
    private final ActivityLog log;

    public StatusChanges(RegisterRepository register, ActivityLog log) {
        this.register = register;
        this.log = log;
    }

    /**
     * @param acceptance the acceptance to record when the target is risk accepted; otherwise ignored (a finding
     *                   leaving risk accepted loses its acceptance, which stays in the log)
     * @param action     how the log names the change: {@link LogAction#STATUS_CHANGED}, {@link LogAction#RISK_ACCEPTED},
     *                   {@link LogAction#ACCEPTANCE_EXPIRED}, ...
     * @throws InvalidInputException naming the finding when the lifecycle refuses the move
     */
    public RegisterEntry apply(RegisterEntry entry, FindingStatus target, StatusCause cause, RiskAcceptance acceptance,
                               String note, String actor, Instant at, LogAction action) {
        FindingLifecycle.refusal(entry.status(), target, cause).ifPresent(reason -> {
            throw new InvalidInputException("status", "finding " + entry.findingKey() + " is "
                    + entry.status().label() + ": " + reason);
        });
        RegisterEntry changed = entry.withStatus(target, target == FindingStatus.RISK_ACCEPTED ? acceptance : null, at);
        register.update(changed);
        StateText after = StateText.of("status", target.name()).and("cause", cause.name()).and("note", note);
        if (changed.acceptance() != null) {
            after.and("acceptanceOwner", acceptance.owner())
                    .and("compensatingControl", acceptance.compensatingControl())
                    .and("expiry", acceptance.expiry());
        }
        StateText before = StateText.of("status", entry.status().name());
        if (entry.acceptance() != null) {
            before.and("acceptanceOwner", entry.acceptance().owner()).and("expiry", entry.acceptance().expiry());
        }
        log.append(new LogRecord(entry.cycleKey(), at, actor, action, LogRecord.findingSubject(entry.findingKey()),
                before.toString(), after.toString()));
        return changed;
    }
}
