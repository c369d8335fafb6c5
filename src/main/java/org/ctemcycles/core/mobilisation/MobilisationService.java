package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.common.Fields;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.finding.FindingStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mobilisation register of a cycle: findings enter it (from discovery, or by hand), get mobilised with an owner,
 * a deadline, a change record, a dependency, a verification step and an issue in the tracker, move through the
 * statuses of {@link FindingLifecycle}, and may have their risk accepted until an expiry, after which the scheduled
 * {@link #reactivateExpiredAcceptances} reopens them. Every change is logged; a closed cycle's register is frozen.
 */
public class MobilisationService {

    static final int MAX_ENROL = 10_000;
    static final int MAX_SHORT_TEXT = 255;
    static final int MAX_LONG_TEXT = 2_000;

    private final CycleService cycles;
    private final RegisterRepository register;
    private final StatusChanges statusChanges;
    private final IssueTracker tracker;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;
    private final ExposureBriefs briefs;

    /** Issues that say only the finding's key ({@link ExposureBriefs#BARE}). */
    public MobilisationService(CycleService cycles, RegisterRepository register, StatusChanges statusChanges,
                               IssueTracker tracker, ActivityLog log, Transactions transactions, Clock clock) {
        this(cycles, register, statusChanges, tracker, log, transactions, clock, ExposureBriefs.BARE);
    }

    public MobilisationService(CycleService cycles, RegisterRepository register, StatusChanges statusChanges,
                               IssueTracker tracker, ActivityLog log, Transactions transactions, Clock clock,
                               ExposureBriefs briefs) {
        this.cycles = cycles;
        this.register = register;
        this.statusChanges = statusChanges;
        this.tracker = tracker;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.briefs = briefs;
    }

    /** What one mobilisation did: the entry, and whether its issue was opened, updated or left as it was. */
    public record Mobilised(RegisterEntry entry, Change change) {
    }

    public enum Change {
        /** a new tracker issue was opened (or one opened earlier for the finding was found and linked) */
        OPENED,
        /** the entry and its issue were brought up to date */
        UPDATED,
        /** the entry was already mobilised exactly so: nothing was sent to the tracker, nothing logged */
        UNCHANGED
    }

    /**
     * Puts findings into the cycle's register as open; findings already in it are left as they are. One query to
     * find them, one batch insert and one log entry, whatever the number.
     *
     * @return the entries added
     */
    public List<RegisterEntry> enrol(String cycleKey, Collection<String> findingKeys, String actor) {
        return enrol(cycleKey, findingKeys, actor, true);
    }

    /**
     * Puts findings that the caller found absent from the register, in the transaction it runs in, into it as open:
     * no second look-up. The discovery intake looks up the register status of every finding of a run as the run is
     * written; asking again at the end cost as much again, and on PostgreSQL far more, the register having grown
     * beneath the planner's statistics within the transaction (ADR 039). Runs inside the caller's transaction.
     */
    List<RegisterEntry> enrolAbsent(String cycleKey, Collection<String> findingKeys, String actor) {
        return enrol(cycleKey, findingKeys, actor, false);
    }

    private List<RegisterEntry> enrol(String cycleKey, Collection<String> findingKeys, String actor,
                                      boolean lookUp) {
        List<Problem> problems = new ArrayList<>();
        Set<String> keys = FindingKeys.checkAll(findingKeys, problems);
        if (keys.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("findings", "at least one finding key is required"));
        }
        if (keys.size() > MAX_ENROL) {
            problems.add(new Problem("findings", keys.size() + " findings given; at most " + MAX_ENROL
                    + " enter the register at once"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.requireOpen(cycleKey);
            Set<String> present = lookUp ? register.enrolled(cycle.key(), keys) : Set.of();
            Instant now = clock.instant();
            List<RegisterEntry> added = keys.stream().filter(k -> !present.contains(k))
                    .map(k -> RegisterEntry.enrolled(cycle.key(), k, now)).toList();
            if (added.isEmpty()) {
                return added;
            }
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.FINDINGS_ENROLLED, LogRecord.REGISTER_SUBJECT, "",
                    StateText.of("count", added.size()).and("findings", added.stream()
                            .map(RegisterEntry::findingKey).collect(Collectors.joining(" "))).toString()));
            register.insertAll(added);
            return added;
        });
    }

    /** The cycle's entries of these findings, by finding key (those not in its register are left out). */
    public Map<String, RegisterEntry> entries(String cycleKey, Collection<String> findingKeys) {
        return register.entries(cycleKey, findingKeys);
    }

    /** The register status of each of these findings that is enrolled in the cycle, by finding key. */
    public Map<String, FindingStatus> statuses(String cycleKey, Collection<String> findingKeys) {
        return register.statuses(cycleKey, findingKeys);
    }

    /** How many of the cycle's findings are in each status (one query of the status column). */
    public Map<FindingStatus, Long> registerCounts(String cycleKey) {
        return register.countByStatus(cycles.get(cycleKey).key());
    }

    /** The cycle's register, ordered by finding key (one query). */
    public List<RegisterEntry> register(String cycleKey) {
        return register.list(cycles.get(cycleKey).key());
    }

    /** @throws NotFoundException when the finding is not in the cycle's register */
    public RegisterEntry entry(String cycleKey, String findingKey) {
        String cycle = cycles.get(cycleKey).key();
        String finding = findingKey == null ? "" : findingKey.trim();
        return register.find(cycle, finding).orElseThrow(() -> new NotFoundException("finding '" + finding
                + "' is not in the register of cycle " + cycle));
    }

    /**
     * Mobilises a finding: records owner, deadline, change record, dependency and verification step, and opens its
     * tracker issue (or updates the one it has). A changed owner is logged as an owner change.
     *
     * @throws InvalidInputException listing every problem of the draft, or when the finding is closed or accepted
     */
    public RegisterEntry mobilise(String cycleKey, String findingKey, MobilisationDraft draft, String actor) {
        return mobiliseOne(cycleKey, findingKey, draft, actor).entry();
    }

    /**
     * As {@link #mobilise}, saying what was done. The entry is locked first, so a mobilisation of the same finding
     * retried on another node waits and then finds it mobilised; a retry with the same draft sends nothing to the
     * tracker and logs nothing.
     */
    public Mobilised mobiliseOne(String cycleKey, String findingKey, MobilisationDraft draft, String actor) {
        Checked checked = checked(draft);
        String owner = checked.owner();
        LocalDate deadline = checked.deadline();
        String change = checked.change();
        String dependency = checked.dependency();
        String verification = checked.verification();
        String reason = checked.deadlineReason();
        return transactions.inTransaction(() -> {
            // locked first: two mobilisations of one finding at once (two nodes) make one tracker issue and one change
            Cycle cycle = cycles.lockOpen(cycleKey);
            String finding = findingKey == null ? "" : findingKey.trim();
            RegisterEntry entry = mobilisable(register.lock(cycle.key(), finding).orElseThrow(() ->
                    new NotFoundException("finding '" + finding + "' is not in the register of cycle "
                            + cycle.key())));
            Instant now = clock.instant();
            boolean sameDeadline = deadline.equals(entry.deadline()) && reason.isEmpty();
            String setBy = sameDeadline ? entry.deadlineSetBy() : actor;
            String why = sameDeadline ? entry.deadlineReason() : reason;
            if (entry.mobilised() && sameMobilisation(entry, entry.withMobilisation(owner, deadline, change,
                    dependency, verification, entry.trackerIssue(), setBy, why, now))) {
                return new Mobilised(entry, Change.UNCHANGED);
            }
            ExposureBrief brief = briefs.brief(cycle.key(), entry.findingKey());
            TrackerRequest request = new TrackerRequest(cycle.key(), cycle.projectKey(), entry.findingKey(),
                    summary(cycle, entry.findingKey(), brief), owner, deadline, change, dependency, verification,
                    brief, actor);
            TrackerIssue issue = entry.mobilised() ? tracker.update(entry.trackerIssueRef(), request)
                    : tracker.open(request);
            RegisterEntry changed = entry.withMobilisation(owner, deadline, change, dependency, verification,
                    issue.key(), setBy, why, now).withTracker(issue, now);
            String subject = LogRecord.findingSubject(entry.findingKey());
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.MOBILISED, subject,
                    entry.mobilised() ? mobilisationState(entry) : "", mobilisationState(changed)));
            if (!entry.owner().isEmpty() && !entry.owner().equals(owner)) {
                log.append(new LogRecord(cycle.key(), now, actor, LogAction.OWNER_CHANGED, subject,
                        StateText.of("owner", entry.owner()).toString(), StateText.of("owner", owner).toString()));
            }
            register.update(changed);
            return new Mobilised(changed, entry.mobilised() ? Change.UPDATED : Change.OPENED);
        });
    }

    /** The issue's summary: the finding's key and what the record knows of it, plain text. */
    static String summary(Cycle cycle, String findingKey, ExposureBrief brief) {
        if (brief.title().isEmpty()) {
            return "Exposure " + findingKey + " (" + cycle.key() + ")";
        }
        return "Exposure " + findingKey + ": " + brief.title() + (brief.asset().isEmpty() ? ""
                : " on " + brief.asset());
    }

    /**
     * Mobilises several findings with the same owner, deadline and steps, each with its own tracker issue, in one
     * transaction: when one cannot be mobilised, none is.
     */
    public List<RegisterEntry> mobiliseAll(String cycleKey, List<String> findingKeys, MobilisationDraft draft,
                                           String actor) {
        if (findingKeys.size() > MAX_ENROL) {
            throw new InvalidInputException("findings", findingKeys.size() + " findings given; at most " + MAX_ENROL
                    + " are mobilised at once");
        }
        checked(draft); // the options first, as for one finding
        return transactions.inTransaction(() -> {
            cycles.lockOpen(cycleKey);
            // every finding is checked before the first tracker issue opens: the tracker is outside the transaction
            for (String findingKey : findingKeys) {
                mobilisable(entry(cycleKey, findingKey));
            }
            return findingKeys.stream().map(findingKey -> mobilise(cycleKey, findingKey, draft, actor)).toList();
        });
    }

    private record Checked(String owner, LocalDate deadline, String change, String dependency, String verification,
                           String deadlineReason) {
    }

    /**
     * Checks a draft as {@link #mobilise} would, without mobilising anything.
     *
     * @throws InvalidInputException listing every problem of the draft
     */
    public void check(MobilisationDraft draft) {
        checked(draft);
    }

    /** @throws InvalidInputException listing every problem of the draft */
    private static Checked checked(MobilisationDraft draft) {
        List<Problem> problems = new ArrayList<>();
        String owner = Fields.required("owner", draft.owner(), MAX_SHORT_TEXT, problems);
        LocalDate deadline = Fields.date("deadline", draft.deadline(), problems);
        String change = Fields.optional("changeRecord", draft.changeRecord(), MAX_SHORT_TEXT, problems);
        String dependency = Fields.optional("dependency", draft.dependency(), MAX_SHORT_TEXT, problems);
        String verification = Fields.required("verificationStep", draft.verificationStep(), MAX_LONG_TEXT, problems);
        String reason = Fields.optional("deadlineReason", draft.deadlineReason(), MAX_LONG_TEXT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(owner, deadline, change, dependency, verification, reason);
    }

    private static RegisterEntry mobilisable(RegisterEntry entry) {
        if (!entry.residual() || entry.status() == FindingStatus.RISK_ACCEPTED) {
            throw new InvalidInputException("status", "finding " + entry.findingKey() + " is "
                    + entry.status().label() + "; only findings that need work are mobilised"
                    + (entry.status() == FindingStatus.RISK_ACCEPTED ? " (reopen it to end the acceptance)" : ""));
        }
        return entry;
    }

    /**
     * A status change by hand (what an engineer or the tracker reports): open, in progress, resolved, reopened or
     * false positive. Reopening and dismissing as false positive need a note.
     */
    public RegisterEntry changeStatus(String cycleKey, String findingKey, String status, String note, String actor) {
        List<Problem> problems = new ArrayList<>();
        FindingStatus target = Choices.parse("status", status, FindingStatus.class, true, problems);
        String text = Fields.optional("note", note, MAX_LONG_TEXT, problems);
        if ((target == FindingStatus.FALSE_POSITIVE || target == FindingStatus.REOPENED) && "".equals(text)) {
            problems.add(new Problem("note", "is required to mark a finding " + target.label().toLowerCase()
                    + " (say why)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            RegisterEntry entry = entry(cycle.key(), findingKey);
            return statusChanges.apply(entry, target, StatusCause.MANUAL, null, text, actor, clock.instant(),
                    LogAction.STATUS_CHANGED);
        });
    }

    /** A deadline a re-prioritisation gives a finding: the date and the rule that set it. */
    public record Reschedule(String findingKey, LocalDate deadline, String rule) {
    }

    /**
     * Moves the deadline of each mobilised finding that still needs work forward when a re-prioritisation gives it an
     * earlier one (the earliest applicable deadline wins; a later one changes nothing): the entry takes the date, set
     * by the actor for the rule, the change is logged, and its issue follows (the due date, with a comment that says
     * why naming the log entry). A tracker that refuses is logged ({@code TRACKER_NOT_FOLLOWED}) and left to a
     * person: the register keeps the new deadline.
     *
     * @param register the cycle's register as the caller read it (nothing is read again when nothing moves)
     * @param because  what asked, for the log and the comment (e.g. the queue's run)
     * @return the entries whose deadline moved
     */
    public List<RegisterEntry> followDeadlines(String cycleKey, List<RegisterEntry> register,
                                               Collection<Reschedule> deadlines, String because, String actor) {
        Map<String, Reschedule> wanted = new HashMap<>();
        deadlines.forEach(d -> wanted.put(d.findingKey(), d));
        List<String> candidates = register.stream().filter(e -> movesEarlier(e, wanted.get(e.findingKey())))
                .map(RegisterEntry::findingKey).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            Instant now = clock.instant();
            List<RegisterEntry> moved = new ArrayList<>();
            for (String key : candidates) {
                Reschedule next = wanted.get(key);
                RegisterEntry entry = this.register.find(cycle.key(), key).orElse(null);
                if (entry == null || !movesEarlier(entry, next)) {
                    continue; // changed since the caller read it
                }
                String reason = because + ": " + next.rule();
                RegisterEntry changed = entry.withOwnerAndDeadline(entry.owner(), next.deadline(), actor, reason,
                        now);
                this.register.update(changed);
                LogEntry logged = log.append(new LogRecord(cycle.key(), now, actor, LogAction.DEADLINE_CHANGED,
                        LogRecord.findingSubject(key), StateText.of("deadline", entry.deadline()).toString(),
                        StateText.of("deadline", next.deadline()).and("rule", next.rule()).and("cause", because)
                                .toString()));
                moved.add(reschedule(changed, entry.deadline(), reason, logged, actor, now));
            }
            return moved;
        });
    }

    private static boolean movesEarlier(RegisterEntry entry, Reschedule next) {
        return next != null && next.deadline() != null && entry.needsWork() && entry.deadline() != null
                && !entry.trackerIssue().isEmpty() && next.deadline().isBefore(entry.deadline());
    }

    /** The entry's issue takes the new deadline (a refusal is logged, and the entry returned as it is). */
    private RegisterEntry reschedule(RegisterEntry entry, LocalDate was, String reason, LogEntry logged,
                                     String actor, Instant at) {
        String why = "The CTEM cycle record moved the deadline of finding " + entry.findingKey() + " from " + was
                + " to " + entry.deadline() + " (" + reason + ")";
        return statusChanges.inTracker(entry, "reschedule", actor, at, () -> tracker.reschedule(entry.cycleKey(),
                entry.trackerIssueRef(), entry.deadline(), why, logged.sequence(), actor));
    }

    /**
     * Accepts a finding's risk: needs the risk owner, a compensating control and an expiry after today.
     *
     * @throws InvalidInputException listing every problem, or when the finding's status does not allow it
     */
    public RegisterEntry acceptRisk(String cycleKey, String findingKey, AcceptanceDraft draft, String actor) {
        List<Problem> problems = new ArrayList<>();
        String owner = Fields.required("owner", draft.owner(), MAX_SHORT_TEXT, problems);
        String control = Fields.required("compensatingControl", draft.compensatingControl(), MAX_LONG_TEXT, problems);
        LocalDate expiry = Fields.date("expiry", draft.expiry(), problems);
        LocalDate today = LocalDate.now(clock);
        if (expiry != null && !expiry.isAfter(today)) {
            problems.add(new Problem("expiry", "the acceptance must run past today (" + today + "); " + expiry
                    + " is not after it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            RegisterEntry entry = entry(cycle.key(), findingKey);
            Instant now = clock.instant();
            return statusChanges.apply(entry, FindingStatus.RISK_ACCEPTED, StatusCause.ACCEPTANCE,
                    new RiskAcceptance(owner, control, expiry, actor, now), "", actor, now, LogAction.RISK_ACCEPTED);
        });
    }

    /**
     * The scheduled check: reopens every risk-accepted finding, in any cycle that is not closed, whose acceptance
     * ended before today, and logs each reactivation.
     *
     * @return the reopened entries
     */
    public List<RegisterEntry> reactivateExpiredAcceptances(String actor) {
        return transactions.inTransaction(() -> {
            LocalDate today = LocalDate.now(clock);
            List<RegisterEntry> expired = register.acceptancesExpiredBefore(today);
            if (expired.isEmpty()) {
                return List.of();
            }
            Map<String, Cycle> byKey = cycles.list().stream().collect(Collectors.toMap(Cycle::key,
                    Function.identity()));
            Instant now = clock.instant();
            List<RegisterEntry> reopened = new ArrayList<>();
            for (RegisterEntry entry : expired) {
                Cycle cycle = byKey.get(entry.cycleKey());
                if (cycle == null || cycle.closed()) {
                    continue; // a closed cycle's register is frozen; its successor holds the live entry
                }
                reopened.add(statusChanges.apply(entry, FindingStatus.REOPENED, StatusCause.EXPIRY, null,
                        "risk acceptance expired on " + entry.acceptance().expiry(), actor, now,
                        LogAction.ACCEPTANCE_EXPIRED));
            }
            return reopened;
        });
    }

    /**
     * What a discovery run that covered the finding's surface says about it (discovery calls this only for covered
     * surfaces: absence without coverage means nothing). Seen again, a resolved or verified finding reopens; no
     * longer seen, a finding still needing work is verified.
     *
     * @param runReference names the discovery run in the log
     * @return the changed entry, or empty when the run changes nothing
     */
    public Optional<RegisterEntry> discoveryOutcome(String cycleKey, String findingKey, boolean seen,
                                                    String runReference, String actor) {
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            RegisterEntry entry = entry(cycle.key(), findingKey);
            FindingStatus next = seen
                    ? (entry.status() == FindingStatus.RESOLVED || entry.status() == FindingStatus.VERIFIED
                    ? FindingStatus.REOPENED : null)
                    : (entry.residual() ? FindingStatus.VERIFIED : null);
            if (next == null) {
                return Optional.empty();
            }
            return Optional.of(statusChanges.apply(entry, next, StatusCause.DISCOVERY, null, (seen
                    ? "seen again by discovery run " : "no longer seen by discovery run ") + runReference, actor,
                    clock.instant(), LogAction.STATUS_CHANGED));
        });
    }

    /** The finding's entries in every cycle and every log entry about it. */
    public FindingHistory history(String findingKey) {
        String key = findingKey == null ? "" : findingKey.trim();
        List<RegisterEntry> entries = register.byFinding(key);
        if (entries.isEmpty()) {
            throw new NotFoundException("finding '" + key + "' is in no cycle's register");
        }
        return new FindingHistory(key, entries, log.about(LogRecord.findingSubject(key)));
    }

    private static boolean sameMobilisation(RegisterEntry a, RegisterEntry b) {
        return a.owner().equals(b.owner()) && Objects.equals(a.deadline(), b.deadline())
                && a.changeRecord().equals(b.changeRecord()) && a.dependency().equals(b.dependency())
                && a.verificationStep().equals(b.verificationStep()) && a.trackerIssue().equals(b.trackerIssue())
                && a.deadlineReason().equals(b.deadlineReason());
    }

    static String mobilisationState(RegisterEntry entry) {
        StateText state = StateText.of("owner", entry.owner())
                .and("deadline", entry.deadline());
        if (!entry.deadlineReason().isEmpty()) {
            state.and("deadlineReason", entry.deadlineReason());
        }
        return state.and("changeRecord", entry.changeRecord())
                .and("dependency", entry.dependency())
                .and("verificationStep", entry.verificationStep())
                .and("trackerIssue", entry.trackerIssue())
                .toString();
    }
}
