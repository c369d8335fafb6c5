package org.ctemcycles.core.cycle;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Fields;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Opens, lists and shows CTEM cycles, and records their objectives, success criteria and cadence before discovery
 * starts. Validates a draft completely before anything is stored and reports every problem with the field it
 * concerns; every change is written to the cycle's activity log in the same transaction. Permission checks belong to
 * the callers at the edge (REST, actions, CLI). Stage transitions are {@code cadence.StageService}'s.
 */
public class CycleService {

    public static final int DEFAULT_CHECKPOINT_INTERVAL_DAYS = 14;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_OBJECTIVE_LENGTH = 10_000;
    static final int MAX_SUCCESS_CRITERIA_LENGTH = 10_000;
    static final int MAX_CHECKPOINT_INTERVAL_DAYS = 365;
    private static final Pattern KEY_PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final int MIN_KEY_LENGTH = 2;
    private static final int MAX_KEY_LENGTH = 32;
    /** Jira's project keys: a letter, then letters, digits or underscores (Jira's default pattern, any length). */
    private static final Pattern PROJECT_KEY_PATTERN = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final int MAX_PROJECT_KEY_LENGTH = 255;

    private final CycleRepository repository;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public CycleService(CycleRepository repository, ActivityLog log, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Opens a new cycle in the Scoping stage.
     *
     * @param actor the user key of whoever opens it
     * @throws InvalidInputException listing every problem of the draft, including a key already in use
     */
    public Cycle create(CycleDraft draft, String actor) {
        return transactions.inTransaction(() -> open(draft, "", actor));
    }

    /**
     * Opens a cycle that inherits from {@code predecessorKey} (or from none, when ""); joins the caller's transaction.
     * For the services that move cycles along their cadence (handover); callers at the edge use {@link #create}.
     */
    public Cycle open(CycleDraft draft, String predecessorKey, String actor) {
        List<Problem> problems = new ArrayList<>();
        String key = normaliseKey(draft.key(), problems);
        String name = Fields.required("name", draft.name(), MAX_NAME_LENGTH, problems);
        String objective = Fields.optional("objective", draft.objective(), MAX_OBJECTIVE_LENGTH, problems);
        LocalDate start = Fields.date("start", draft.start(), problems);
        LocalDate plannedEnd = Fields.date("plannedEnd", draft.plannedEnd(), problems);
        int interval = checkpointInterval(draft.checkpointIntervalDays(), problems);
        String project = projectKey(draft.projectKey(), problems);
        if (start != null && plannedEnd != null && !plannedEnd.isAfter(start)) {
            problems.add(new Problem("plannedEnd",
                    "the planned end (" + plannedEnd + ") must be after the start (" + start + ")"));
        }
        if (key != null && repository.find(key).isPresent()) {
            problems.add(duplicateKey(key));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cycle cycle = new Cycle(key, name, objective, new Cadence(start, plannedEnd, interval), Stage.SCOPING,
                clock.instant(), actor).withPredecessor(predecessorKey).withProject(project);
        if (!repository.insert(cycle)) {
            throw new InvalidInputException(List.of(duplicateKey(key)));
        }
        log.append(new LogRecord(key, cycle.createdAt(), actor, LogAction.CYCLE_OPENED, LogRecord.cycleSubject(key),
                "", state(cycle).and("name", cycle.name()).and("predecessor", predecessorKey)
                .and("project", cycle.projectKey()).toString()));
        return cycle;
    }

    /**
     * Moves an open cycle to another Jira project (or to none, when blank), logged with the project before and after.
     * Whether the project exists and the user may use it is for the caller at the edge to check (Jira knows).
     *
     * @throws InvalidInputException naming {@code projectKey} when the key is malformed, or the cycle is closed
     */
    public Cycle moveToProject(String key, String projectKey, String actor) {
        List<Problem> problems = new ArrayList<>();
        String project = projectKey(projectKey, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = requireOpen(key);
            if (cycle.projectKey().equals(project)) {
                return cycle;
            }
            Cycle stored = repository.update(cycle.withProject(project));
            log.append(new LogRecord(cycle.key(), clock.instant(), actor, LogAction.PROJECT_CHANGED,
                    LogRecord.cycleSubject(cycle.key()), StateText.of("project", cycle.projectKey()).toString(),
                    StateText.of("project", project).toString()));
            return stored;
        });
    }

    /** The cycles that belong to a Jira project, in the order of {@link #list()}. */
    public List<Cycle> inProject(String projectKey) {
        String project = normalise(projectKey);
        return repository.list().stream().filter(c -> c.projectKey().equals(project)).toList();
    }

    /** A Jira project key, upper case, or "" for blank; null with a problem when malformed. */
    private static String projectKey(String raw, List<Problem> problems) {
        String project = normalise(raw);
        if (!project.isEmpty() && (project.length() > MAX_PROJECT_KEY_LENGTH
                || !PROJECT_KEY_PATTERN.matcher(project).matches())) {
            problems.add(new Problem("projectKey", "'" + raw.trim() + "' is not a Jira project key: a letter, then"
                    + " letters, digits or underscores (for example SEC)"));
        }
        return project;
    }

    /**
     * Records the objectives, success criteria and cadence of a cycle that is still in Scoping; values left null
     * stay as they are.
     *
     * @throws InvalidInputException listing every problem of the draft, or that discovery has already started
     */
    public Cycle recordScope(String key, ScopeDraft draft, String actor) {
        return transactions.inTransaction(() -> {
            Cycle cycle = get(key);
            if (cycle.stage() != Stage.SCOPING) {
                throw new InvalidInputException("stage", "the objectives, success criteria and cadence of " + cycle.key()
                        + " are recorded before discovery starts; the cycle is in " + cycle.stage().label());
            }
            List<Problem> problems = new ArrayList<>();
            String objective = draft.objective() == null ? cycle.objective()
                    : Fields.optional("objective", draft.objective(), MAX_OBJECTIVE_LENGTH, problems);
            String criteria = draft.successCriteria() == null ? cycle.successCriteria()
                    : Fields.optional("successCriteria", draft.successCriteria(), MAX_SUCCESS_CRITERIA_LENGTH, problems);
            LocalDate start = draft.start() == null ? cycle.cadence().start() : Fields.date("start", draft.start(), problems);
            LocalDate plannedEnd = draft.plannedEnd() == null ? cycle.cadence().plannedEnd()
                    : Fields.date("plannedEnd", draft.plannedEnd(), problems);
            int interval = draft.checkpointIntervalDays() == null ? cycle.cadence().checkpointIntervalDays()
                    : checkpointInterval(draft.checkpointIntervalDays(), problems);
            if (start != null && plannedEnd != null && !plannedEnd.isAfter(start)) {
                problems.add(new Problem("plannedEnd",
                        "the planned end (" + plannedEnd + ") must be after the start (" + start + ")"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Cycle changed = cycle.withScope(objective, criteria, new Cadence(start, plannedEnd, interval));
            if (changed.equals(cycle)) {
                return cycle;
            }
            Cycle stored = repository.update(changed);
            log.append(new LogRecord(cycle.key(), clock.instant(), actor, LogAction.SCOPE_RECORDED,
                    LogRecord.cycleSubject(cycle.key()), state(cycle).toString(), state(stored).toString()));
            return stored;
        });
    }

    /**
     * The cycle, which must not be closed: work on a closed cycle's record goes on in its successor.
     *
     * @throws InvalidInputException naming the successor when the cycle is closed
     */
    public Cycle requireOpen(String key) {
        Cycle cycle = get(key);
        if (cycle.closed()) {
            throw new InvalidInputException("cycle", "cycle " + cycle.key() + " is closed; its record is frozen"
                    + (cycle.successorKey().isEmpty() ? "" : " and its residual queue continues in "
                    + cycle.successorKey()));
        }
        return cycle;
    }

    /**
     * The open cycle, locked until the caller's transaction ends: changes of its record by others, on any node, wait
     * until then, and what the transaction reads afterwards is what they committed. For changes that read part of the
     * record before they write it (a register entry, the checkpoints held, a surface), which no revision or unique
     * key guards: without the lock, two such changes made at once would both build on what they read, and one would
     * be lost or made twice.
     *
     * @throws InvalidInputException naming the successor when the cycle is closed
     */
    public Cycle lockOpen(String key) {
        log.lock(normalise(key));
        return requireOpen(key);
    }

    /**
     * Stores a changed cycle (stage, handover links) as its next revision; joins the caller's transaction. For the
     * services that move cycles along their cadence (stage transitions, closure, handover).
     */
    public Cycle save(Cycle changed) {
        return repository.update(changed);
    }

    private static StateText state(Cycle cycle) {
        return StateText.of("stage", cycle.stage().name())
                .and("objective", cycle.objective())
                .and("successCriteria", cycle.successCriteria())
                .and("start", cycle.cadence().start())
                .and("plannedEnd", cycle.cadence().plannedEnd())
                .and("checkpointIntervalDays", cycle.cadence().checkpointIntervalDays());
    }

    public List<Cycle> list() {
        return repository.list();
    }

    /** @throws NotFoundException naming the key when no such cycle exists */
    public Cycle get(String key) {
        String normalised = normalise(key);
        return repository.find(normalised)
                .orElseThrow(() -> new NotFoundException("no CTEM cycle with key '" + normalised + "'"));
    }

    private static Problem duplicateKey(String key) {
        return new Problem("key", "a cycle with key '" + key + "' already exists");
    }

    /** A cycle key as stored (trimmed, upper case), or "" for null. */
    public static String normalise(String key) {
        return key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
    }

    private static String normaliseKey(String raw, List<Problem> problems) {
        return key("key", "cycle key", raw, "CTEM-2026-Q3", problems);
    }

    /**
     * A key of the cycle-key shape (2 to 32 letters, digits and single hyphens, starting with a letter), upper
     * case; or null with a problem for {@code field}.
     */
    static String key(String field, String noun, String raw, String example, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required (for example " + example + ")"));
            return null;
        }
        String key = raw.trim().toUpperCase(Locale.ROOT);
        if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH || !KEY_PATTERN.matcher(key).matches()) {
            problems.add(new Problem(field, "'" + raw.trim() + "' is not a valid " + noun + ": use " + MIN_KEY_LENGTH
                    + " to " + MAX_KEY_LENGTH + " letters, digits and single hyphens, starting with a letter"
                    + " (for example " + example + ")"));
            return null;
        }
        return key;
    }

    static int checkpointInterval(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_CHECKPOINT_INTERVAL_DAYS;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= MAX_CHECKPOINT_INTERVAL_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        problems.add(new Problem("checkpointIntervalDays", "'" + raw.trim() + "' is not a whole number of days from 1 to "
                + MAX_CHECKPOINT_INTERVAL_DAYS));
        return DEFAULT_CHECKPOINT_INTERVAL_DAYS;
    }
}
