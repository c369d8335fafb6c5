package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.finding.FindingStatus;

import java.time.Instant;

/**
 * Moves one register entry to a new status under {@link FindingLifecycle}'s rules, stores it and logs the change
 * with the status before and after, the cause and a note. Shared by mobilisation (people, risk acceptance, expiry),
 * validation (outcomes) and the tracker's sync; joins the caller's transaction.
 *
 * <p>The tracker follows the record: when the record reopens a mobilised finding for any cause but the tracker
 * itself (a failed retest, a discovery run that sees it again, an expired acceptance, a person), its issue is moved
 * back to work with a comment that names the log entry. When the tracker refuses, the record's change stands and the
 * refusal is logged; reconciliation tries again (the issue still looks as the register last saw it).
 */
public class StatusChanges {

    private final RegisterRepository register;
    private final ActivityLog log;
    private final IssueTracker tracker;

    /** Without a tracker to follow the record (tests of the rules alone). */
    public StatusChanges(RegisterRepository register, ActivityLog log) {
        this(register, log, null);
    }

    public StatusChanges(RegisterRepository register, ActivityLog log, IssueTracker tracker) {
        this.register = register;
        this.log = log;
        this.tracker = tracker;
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
        if (cause != StatusCause.TRACKER) {
            changed = changed.withDecisionNeeded("", at); // whoever moved it has decided
        }
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
        LogEntry logged = log.append(new LogRecord(entry.cycleKey(), at, actor, action,
                LogRecord.findingSubject(entry.findingKey()), before.toString(), after.toString()));
        if (tracker != null && changed.mobilised() && target == FindingStatus.REOPENED
                && cause != StatusCause.TRACKER) {
            return follow(changed, cause, note, logged, actor, at);
        }
        return changed;
    }

    /** Moves the entry's issue back to work; a refusal is logged and left to reconciliation. */
    RegisterEntry follow(RegisterEntry entry, StatusCause cause, String note, LogEntry logged, String actor,
                         Instant at) {
        String why = "The CTEM cycle record reopened finding " + entry.findingKey() + " (" + reason(cause) + ")"
                + (note == null || note.isEmpty() ? "" : ": " + note);
        try {
            TrackerIssue issue = tracker.reopen(entry.cycleKey(), entry.trackerIssueRef(), why, logged.sequence(),
                    actor);
            RegisterEntry linked = entry.withTracker(issue, at);
            register.update(linked);
            return linked;
        } catch (ConflictException e) {
            throw e; // the database's, not the tracker's: the transaction retries
        } catch (RuntimeException e) {
            log.append(new LogRecord(entry.cycleKey(), at, actor, LogAction.TRACKER_NOT_FOLLOWED,
                    LogRecord.findingSubject(entry.findingKey()), "", StateText.of("issue", entry.trackerIssue())
                    .and("wanted", "reopen").and("error", String.valueOf(e.getMessage())).toString()));
            return entry;
        }
    }

    private static String reason(StatusCause cause) {
        return switch (cause) {
            case VALIDATION -> "a validation found it still exploitable";
            case DISCOVERY -> "discovery sees it again";
            case EXPIRY -> "its risk acceptance expired";
            case MANUAL -> "a person reopened it";
            default -> cause.name().toLowerCase();
        };
    }
}
