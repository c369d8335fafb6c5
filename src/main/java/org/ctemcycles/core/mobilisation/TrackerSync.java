package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.ReconciliationReport.Repair;
import org.ctemcycles.core.mobilisation.ReconciliationReport.RepairKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The way back from the tracker into the register ({@link TrackerRules}): what an issue event reports
 * ({@link #observed}, {@link #deleted}) and what reconciliation finds when it compares a cycle's register with its
 * issues ({@link #reconcile}). Every change is logged with the tracker as its cause; the actor is the tracker's user
 * who made the change, or the reconciliation's. Only entries of open cycles follow the tracker: a closed cycle's
 * register is frozen (its successor holds the live entry, linked to the same issue).
 *
 * <p>Each issue is applied in a transaction of its own, with its register entry locked
 * ({@link RegisterRepository#lock}), so an event, a reconciliation and a mobilisation of the same finding never
 * interleave; an issue that is exactly as the register last saw it costs its indexed look-up and no lock.
 */
public class TrackerSync {

    private final CycleService cycles;
    private final RegisterRepository register;
    private final StatusChanges statusChanges;
    private final IssueTracker tracker;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public TrackerSync(CycleService cycles, RegisterRepository register, StatusChanges statusChanges,
                       IssueTracker tracker, ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.register = register;
        this.statusChanges = statusChanges;
        this.tracker = tracker;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What the tracker reports of an issue (an event): takes the changes made in the tracker since the register last
     * saw the issue into the live entry linked to it.
     *
     * @return the repairs made; empty when the issue is no finding's or nothing changed
     */
    public List<Repair> observed(TrackerIssue issue, String actor) {
        List<Repair> repairs = new ArrayList<>();
        for (RegisterEntry linked : live(issue.id())) {
            if (unchanged(linked, issue)) {
                continue;
            }
            repairs.addAll(transactions.inTransaction(() -> {
                List<Repair> made = new ArrayList<>(); // per attempt: a retried transaction starts again
                register.lock(linked.cycleKey(), linked.findingKey())
                        .filter(e -> e.trackerIssueRef().equals(issue.id()))
                        .ifPresent(entry -> apply(entry, issue, actor, false, made));
                return made;
            }));
        }
        return repairs;
    }

    /** The tracker deleted the issue: the live entry linked to it is no longer linked, and flagged for a lead. */
    public List<Repair> deleted(String issueId, String actor) {
        List<Repair> repairs = new ArrayList<>();
        for (RegisterEntry linked : live(issueId)) {
            repairs.addAll(transactions.inTransaction(() -> {
                List<Repair> made = new ArrayList<>();
                register.lock(linked.cycleKey(), linked.findingKey())
                        .filter(e -> e.trackerIssueRef().equals(issueId))
                        .ifPresent(entry -> unlink(entry, actor, made));
                return made;
            }));
        }
        return repairs;
    }

    /**
     * Compares every linked entry of the cycle's register with its issue and repairs the drift: changes made in the
     * tracker that no event brought (a node was down, the app was disabled), issues deleted or moved, and reopenings
     * of the record the tracker did not follow; and first, entries their issue would not find (stored by a version
     * before the tracker links, ADR 054) are linked again. A closed cycle is not reconciled (its register is frozen).
     */
    public ReconciliationReport reconcile(String cycleKey, String actor) {
        Cycle cycle = cycles.get(cycleKey);
        Instant started = clock.instant();
        if (cycle.closed()) {
            return new ReconciliationReport(cycle.key(), 0, List.of(), started);
        }
        List<RegisterEntry> linked = register.list(cycle.key()).stream().filter(RegisterEntry::mobilised).toList();
        Map<String, TrackerIssue> issues = tracker.findAll(linked.stream().map(RegisterEntry::trackerIssueRef)
                .toList());
        List<Repair> repairs = new ArrayList<>();
        // an entry whose issue is gone is unlinked below, not linked first; one changed since it was read is linked
        // as it now is, and reported only when its link still had to be written (a change meanwhile writes it too)
        for (RegisterEntry entry : register.withoutTrackerLink(linked)) {
            if (issues.get(entry.trackerIssueRef()) == null) {
                continue;
            }
            repairs.addAll(transactions.inTransaction(() -> {
                RegisterEntry locked = register.lock(cycle.key(), entry.findingKey()).orElse(null);
                if (locked == null || !locked.mobilised() || !register.addTrackerLink(locked)) {
                    return List.<Repair>of();
                }
                return List.of(new Repair(locked.findingKey(), locked.trackerIssue(), RepairKind.LINKED, "issue "
                        + locked.trackerIssue() + " finds the finding again (its tracker link was missing or named"
                        + " another issue: written by a version before the links)"));
            }));
        }
        for (RegisterEntry entry : linked) {
            TrackerIssue issue = issues.get(entry.trackerIssueRef());
            if (issue != null && unchanged(entry, issue) && !TrackerRules.plan(entry, issue.state(), true)
                    .pushReopen()) {
                continue;
            }
            repairs.addAll(transactions.inTransaction(() -> {
                List<Repair> made = new ArrayList<>();
                register.lock(cycle.key(), entry.findingKey())
                        .filter(e -> e.trackerIssueRef().equals(entry.trackerIssueRef()))
                        .ifPresent(locked -> {
                            if (issue == null) {
                                unlink(locked, actor, made);
                            } else {
                                apply(locked, issue, actor, true, made);
                            }
                        });
                return made;
            }));
        }
        if (!repairs.isEmpty()) {
            transactions.run(() -> log.append(new LogRecord(cycle.key(), clock.instant(), actor,
                    LogAction.TRACKER_RECONCILED, LogRecord.REGISTER_SUBJECT, "", StateText.of("checked", linked.size())
                    .and("repaired", repairs.size()).toString())));
        }
        return new ReconciliationReport(cycle.key(), linked.size(), repairs, started);
    }

    /** Reconciles every open cycle that has linked entries (the scheduled job). */
    public List<ReconciliationReport> reconcileAll(String actor) {
        List<ReconciliationReport> reports = new ArrayList<>();
        for (Cycle cycle : cycles.list()) {
            if (!cycle.closed()) {
                reports.add(reconcile(cycle.key(), actor));
            }
        }
        return reports;
    }

    /** The entries of open cycles linked to the issue (its indexed look-up, and the cycles they belong to). */
    private List<RegisterEntry> live(String issueId) {
        List<RegisterEntry> linked = register.byTrackerIssue(issueId);
        if (linked.isEmpty()) {
            return linked;
        }
        Map<String, Boolean> open = new HashMap<>();
        return linked.stream().filter(e -> open.computeIfAbsent(e.cycleKey(), k -> !cycles.get(k).closed()))
                .toList();
    }

    /** The issue is exactly as the register last saw it, and the entry holds its current key: nothing to take over. */
    private static boolean unchanged(RegisterEntry entry, TrackerIssue issue) {
        return Objects.equals(entry.trackerState(), issue.state()) && entry.trackerIssue().equals(issue.key())
                && entry.trackerIssueId().equals(issue.id());
    }

    private void apply(RegisterEntry entry, TrackerIssue issue, String actor, boolean push, List<Repair> repairs) {
        TrackerState seen = issue.state();
        TrackerRules.Plan plan = TrackerRules.plan(entry, seen, push);
        Instant now = clock.instant();
        String subject = LogRecord.findingSubject(entry.findingKey());
        RegisterEntry current = entry;
        TrackerState shown = seen;
        if (plan.moved()) {
            log.append(new LogRecord(entry.cycleKey(), now, actor, LogAction.TRACKER_CHANGED, subject,
                    StateText.of("issue", entry.trackerIssue()).toString(), StateText.of("issue", seen.key())
                    .and("project", seen.projectKey()).and("cause", StatusCause.TRACKER.name()).toString()));
            repairs.add(new Repair(entry.findingKey(), seen.key(), RepairKind.MOVED, "issue " + entry.trackerIssue()
                    + " is now " + seen.key() + " in project " + seen.projectKey()));
        }
        for (FindingStatus step : plan.steps()) {
            String note = "issue " + seen.key() + " is " + describe(seen) + " in the tracker";
            current = statusChanges.apply(current, step, StatusCause.TRACKER, null, note, actor, now,
                    LogAction.STATUS_CHANGED);
            repairs.add(new Repair(entry.findingKey(), seen.key(), RepairKind.STATUS, entry.status().label()
                    + " to " + step.label() + ": " + note));
        }
        if (plan.retest()) {
            log.append(new LogRecord(entry.cycleKey(), now, actor, LogAction.RETEST_REQUESTED, subject, "",
                    StateText.of("issue", seen.key()).and("cause", StatusCause.TRACKER.name())
                            .and("verificationStep", current.verificationStep()).toString()));
        }
        if (plan.decision() != null) {
            current = current.withDecisionNeeded(plan.decision(), now);
            log.append(new LogRecord(entry.cycleKey(), now, actor, LogAction.LEAD_DECISION_NEEDED, subject, "",
                    StateText.of("issue", seen.key()).and("cause", StatusCause.TRACKER.name())
                            .and("reason", plan.decision()).toString()));
            repairs.add(new Repair(entry.findingKey(), seen.key(), RepairKind.DECISION_NEEDED, plan.decision()));
        }
        if (plan.owner() != null || plan.deadline() != null) {
            String owner = plan.owner() == null ? current.owner() : plan.owner();
            LocalDate deadline = plan.deadline() == null ? current.deadline() : plan.deadline();
            log.append(new LogRecord(entry.cycleKey(), now, actor, plan.owner() != null ? LogAction.OWNER_CHANGED
                    : LogAction.TRACKER_CHANGED, subject, StateText.of("owner", current.owner())
                    .and("deadline", current.deadline()).toString(), StateText.of("owner", owner)
                    .and("deadline", deadline).and("cause", StatusCause.TRACKER.name()).toString()));
            repairs.add(new Repair(entry.findingKey(), seen.key(), RepairKind.FIELDS, "owner " + owner
                    + ", deadline " + deadline + " as issue " + seen.key() + " has them"));
            current = current.withOwnerAndDeadline(owner, deadline, actor, "changed in tracker issue " + seen.key(),
                    now);
        }
        if (plan.pushReopen()) {
            LogEntry reason = log.append(new LogRecord(entry.cycleKey(), now, actor, LogAction.TRACKER_CHANGED,
                    subject, StateText.of("issue", seen.key()).and("issueStatus", seen.statusName()).toString(),
                    StateText.of("issue", seen.key()).and("wanted", "reopen")
                            .and("cause", "reconciliation").toString()));
            RegisterEntry followed = statusChanges.follow(current, StatusCause.MANUAL, "the finding was reopened in"
                    + " the record and its issue had not followed", reason, actor, now);
            boolean moved = followed != current;
            repairs.add(new Repair(entry.findingKey(), seen.key(), moved ? RepairKind.REOPENED_IN_TRACKER
                    : RepairKind.NOT_FOLLOWED, moved ? "issue " + seen.key() + " moved back to work"
                    : "issue " + seen.key() + " could not be moved back to work; see the activity log"));
            current = followed;
            shown = followed.trackerState() == null ? seen : followed.trackerState();
        }
        RegisterEntry linked = new RegisterEntry(current.cycleKey(), current.findingKey(), current.status(),
                current.owner(), current.deadline(), current.changeRecord(), current.dependency(),
                current.verificationStep(), shown.key(), current.acceptance(), current.carriedFrom(),
                current.enrolledAt(), now, current.deadlineSetBy(), current.deadlineReason(), issue.id(), shown,
                current.decisionNeeded());
        register.update(linked);
    }

    private void unlink(RegisterEntry entry, String actor, List<Repair> repairs) {
        Instant now = clock.instant();
        RegisterEntry unlinked = entry.unlinked(now);
        String reason = "its tracker issue " + entry.trackerIssue() + " was deleted: mobilise it again, or decide"
                + " otherwise";
        if (entry.needsWork()) {
            unlinked = unlinked.withDecisionNeeded(reason, now);
        }
        register.update(unlinked);
        log.append(new LogRecord(entry.cycleKey(), now, actor, LogAction.TRACKER_ISSUE_DELETED,
                LogRecord.findingSubject(entry.findingKey()), StateText.of("issue", entry.trackerIssue())
                .and("issueId", entry.trackerIssueRef()).toString(), StateText.of("issue", "")
                .and("cause", StatusCause.TRACKER.name()).and("decisionNeeded", unlinked.decisionNeeded())
                .toString()));
        repairs.add(new Repair(entry.findingKey(), entry.trackerIssue(), RepairKind.DELETED, reason));
    }

    private static String describe(TrackerState state) {
        String category = switch (state.status()) {
            case TO_DO -> "To Do";
            case IN_PROGRESS -> "In Progress";
            case DONE -> "Done";
        };
        String name = state.statusName().isEmpty() || state.statusName().equalsIgnoreCase(category) ? category
                : state.statusName() + " (" + category + ")";
        return state.resolved() ? name + ", resolved as '" + state.resolution() + "'" : name;
    }
}
