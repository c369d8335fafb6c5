package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Bulk mobilisation in runs: a run stores the request and one item per finding ({@link #start}), then is worked a
 * batch at a time ({@link #work}), each finding mobilised in a transaction of its own through
 * {@link MobilisationService#mobiliseOne}, each batch's outcomes stored as it ends. A node that stops half-way leaves
 * the run RUNNING with its remaining items pending; working it again (the scheduled job does) goes on from there.
 * Nothing is done twice: a finding mobilised before the stop whose outcome was not yet stored is found mobilised
 * with the same draft and recorded as unchanged, without a second issue or log entry. Each item's outcome says what
 * happened, with the record's or the tracker's reasons when it failed; a failure never stops the run.
 */
public class MobilisationRuns {

    public static final int MAX_FINDINGS = 10_000;
    public static final int BATCH = 50;

    private final CycleService cycles;
    private final MobilisationService mobilisation;
    private final MobilisationRunRepository runs;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public MobilisationRuns(CycleService cycles, MobilisationService mobilisation, MobilisationRunRepository runs,
                            ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.mobilisation = mobilisation;
        this.runs = runs;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores a run for the findings (in the order given, each once) with the draft checked as for one finding; the
     * findings themselves are checked as the run works them, each with its own outcome.
     *
     * @throws InvalidInputException naming the field: no findings, too many, a malformed key, a bad draft
     */
    public MobilisationRun start(String cycleKey, List<String> findingKeys, MobilisationDraft draft, String actor) {
        List<Problem> problems = new ArrayList<>();
        Set<String> keys = FindingKeys.checkAll(findingKeys, problems);
        if (keys.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("findings", "is required: the keys of the findings to mobilise"));
        }
        if (keys.size() > MAX_FINDINGS) {
            problems.add(new Problem("findings", keys.size() + " findings given; at most " + MAX_FINDINGS
                    + " are mobilised in one run"));
        }
        try {
            mobilisation.check(draft);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // stored as checked, trimmed; each finding is mobilised with it as with one finding's draft
        MobilisationDraft trimmed = new MobilisationDraft(text(draft.owner()), text(draft.deadline()),
                text(draft.changeRecord()), text(draft.dependency()), text(draft.verificationStep()));
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.requireOpen(cycleKey);
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            MobilisationRun run = new MobilisationRun(id, cycle.key(), trimmed, actor, MobilisationRun.State.QUEUED,
                    keys.size(), keys.size(), 0, 0, now, now);
            List<RunItem> items = new ArrayList<>(keys.size());
            int position = 0;
            for (String key : keys) {
                items.add(RunItem.pending(id, ++position, key));
            }
            runs.insert(run, items);
            log.append(new LogRecord(cycle.key(), now, actor, LogAction.MOBILISATION_REQUESTED,
                    LogRecord.REGISTER_SUBJECT, "", StateText.of("run", id).and("count", keys.size())
                    .and("owner", trimmed.owner()).and("deadline", trimmed.deadline()).toString()));
            return run;
        });
    }

    /** @throws NotFoundException when the cycle has no such run */
    public MobilisationRun find(String cycleKey, String runId) {
        Cycle cycle = cycles.get(cycleKey);
        return runs.find(runId == null ? "" : runId.trim()).filter(r -> r.cycleKey().equals(cycle.key()))
                .orElseThrow(() -> new NotFoundException("cycle " + cycle.key() + " has no mobilisation run '"
                        + runId + "'"));
    }

    /** The cycle's runs, newest first. */
    public List<MobilisationRun> list(String cycleKey) {
        return runs.list(cycles.get(cycleKey).key());
    }

    /** A run's items after a position, in position order, at most {@code limit}. */
    public List<RunItem> items(String cycleKey, String runId, int afterPosition, int limit) {
        MobilisationRun run = find(cycleKey, runId);
        return runs.items(run.id(), afterPosition, limit);
    }

    /** The runs of every cycle not yet finished, oldest first: what the scheduled job resumes. */
    public List<String> unfinished() {
        return transactions.inTransaction(runs::unfinished);
    }

    /**
     * Works the run until every item has its outcome, or until {@code keepGoing} says stop (checked before each
     * finding: a stopping node leaves the rest pending). Safe to call for a finished run (nothing happens) and, as
     * the items are idempotent, even while another thread works the same run.
     *
     * @return the run as it stands when this call returns
     */
    public MobilisationRun work(String runId, int batchSize, BooleanSupplier keepGoing) {
        MobilisationRun run = transactions.inTransaction(() -> runs.find(runId)).orElseThrow(() ->
                new NotFoundException("no mobilisation run '" + runId + "'"));
        if (run.finished()) {
            return run;
        }
        if (run.state() == MobilisationRun.State.QUEUED) {
            transactions.run(() -> runs.setState(runId, MobilisationRun.State.RUNNING, clock.instant()));
        }
        while (true) {
            List<RunItem> batch = transactions.inTransaction(() -> runs.pending(runId, Math.max(1, batchSize)));
            if (batch.isEmpty()) {
                break;
            }
            List<RunItem> done = new ArrayList<>(batch.size());
            for (RunItem item : batch) {
                if (!keepGoing.getAsBoolean()) {
                    record(done);
                    return current(runId);
                }
                RunItem outcome = outcome(run, item);
                if (outcome == null) {
                    break; // stopping: this item stays pending
                }
                done.add(outcome);
            }
            record(done);
            if (!keepGoing.getAsBoolean()) {
                return current(runId);
            }
        }
        return transactions.inTransaction(() -> {
            MobilisationRun now = runs.find(runId).orElseThrow();
            if (now.finished()) {
                return now; // another worker finished it first
            }
            runs.setState(runId, MobilisationRun.State.FINISHED, clock.instant());
            log.append(new LogRecord(now.cycleKey(), clock.instant(), now.requestedBy(),
                    LogAction.MOBILISATION_FINISHED, LogRecord.REGISTER_SUBJECT, "", StateText.of("run", runId)
                    .and("total", now.total()).and("mobilised", now.mobilised()).and("failed", now.failed())
                    .toString()));
            return runs.find(runId).orElseThrow();
        });
    }

    private void record(List<RunItem> done) {
        if (!done.isEmpty()) {
            transactions.run(() -> runs.record(done, clock.instant()));
        }
    }

    private MobilisationRun current(String runId) {
        return transactions.inTransaction(() -> runs.find(runId)).orElseThrow();
    }

    /** The item's outcome, or null when the thread is being stopped (the item is then left pending). */
    private RunItem outcome(MobilisationRun run, RunItem item) {
        try {
            MobilisationService.Mobilised done = mobilisation.mobiliseOne(run.cycleKey(), item.findingKey(),
                    run.draft(), run.requestedBy());
            RunItem.Outcome outcome = switch (done.change()) {
                case OPENED -> RunItem.Outcome.OPENED;
                case UPDATED -> RunItem.Outcome.UPDATED;
                case UNCHANGED -> RunItem.Outcome.UNCHANGED;
            };
            return item.withOutcome(outcome, done.entry().trackerIssue(), List.of());
        } catch (InvalidInputException e) {
            return item.withOutcome(RunItem.Outcome.FAILED, "", e.problems());
        } catch (NotFoundException | ConflictException e) {
            return item.withOutcome(RunItem.Outcome.FAILED, "", List.of(new Problem("finding", e.getMessage())));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            return item.withOutcome(RunItem.Outcome.FAILED, "", List.of(new Problem("tracker",
                    "the tracker failed: " + e.getMessage())));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
