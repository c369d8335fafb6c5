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
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.core.validation.ValidationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checkpoints: records a checkpoint held today with a snapshot of the cycle's metrics (tying it to the planned
 * checkpoint it stands for) and a record digest (the head of the activity log and a digest of the register, the
 * findings and the decisions as they stand, {@link RecordDigests}), and shows the schedule: planned dates from the
 * cadence, which were held, which are due, and which were missed.
 */
public class CheckpointService {

    static final int MAX_NOTES = 10_000;

    private final CycleService cycles;
    private final ScopeRegister scope;
    private final CycleProgress progress;
    private final RegisterRepository register;
    private final ValidationRepository validations;
    private final CheckpointRepository checkpoints;
    private final ClosureRepository closures;
    private final RecordDigests digests;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public CheckpointService(CycleService cycles, ScopeRegister scope, CycleProgress progress,
                             RegisterRepository register, ValidationRepository validations,
                             CheckpointRepository checkpoints, ClosureRepository closures, RecordDigests digests,
                             ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.scope = scope;
        this.progress = progress;
        this.register = register;
        this.validations = validations;
        this.checkpoints = checkpoints;
        this.closures = closures;
        this.digests = digests;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records a checkpoint held today, with the metrics as they are now. */
    public Checkpoint record(String cycleKey, String notes, String actor) {
        String text = notes == null ? "" : notes.trim();
        if (text.length() > MAX_NOTES) {
            throw new InvalidInputException("notes", "are " + text.length() + " characters long; at most "
                    + MAX_NOTES + " are allowed");
        }
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey); // the checkpoints held, read next, are the last committed ones
            LocalDate today = LocalDate.now(clock);
            List<Checkpoint> held = checkpoints.list(cycle.key());
            Instant now = clock.instant();
            Checkpoint checkpoint = new Checkpoint(cycle.key(), today, CheckpointPlan.plannedFor(cycle.cadence(),
                    today, held), now, actor, text, metrics(cycle, today));
            RecordDigests.Pending digest = digests.compute(cycle.key(), RecordDigest.Kind.CHECKPOINT, today, now);
            LogEntry entry = log.append(new LogRecord(cycle.key(), now, actor, LogAction.CHECKPOINT_RECORDED,
                    "checkpoint:" + today, "", digest.describe(StateText.of("heldOn", today)
                    .and("plannedFor", checkpoint.plannedFor()).and("notes", text)
                    .and("metrics", checkpoint.metrics().encode())).toString()));
            checkpoints.insert(checkpoint);
            digests.store(digest, entry.sequence());
            return checkpoint;
        });
    }

    /** The cycle's metrics as they are now. */
    public MetricsSnapshot metrics(String cycleKey) {
        return metrics(cycles.get(cycleKey), LocalDate.now(clock));
    }

    public CheckpointSchedule schedule(String cycleKey) {
        Cycle cycle = cycles.get(cycleKey);
        List<Checkpoint> held = checkpoints.list(cycle.key());
        LocalDate closedOn = closures.find(cycle.key())
                .map(c -> LocalDate.ofInstant(c.closedAt(), clock.getZone()))
                .orElse(null);
        return new CheckpointSchedule(cycle.key(), CheckpointPlan.schedule(cycle.cadence(), held,
                LocalDate.now(clock), closedOn), held);
    }

    /**
     * The cycle's metrics as they are now, counted while iterating {@code entries}, the cycle's register read a page
     * at a time (the evidence pack's way: a register of any size is never held whole).
     */
    public MetricsSnapshot metrics(String cycleKey, Iterable<RegisterEntry> entries) {
        return metrics(cycles.get(cycleKey), LocalDate.now(clock), entries);
    }

    MetricsSnapshot metrics(Cycle cycle, LocalDate today) {
        return metrics(cycle, today, register.list(cycle.key()));
    }

    private MetricsSnapshot metrics(Cycle cycle, LocalDate today, Iterable<RegisterEntry> entries) {
        Set<String> validated = validations.list(cycle.key()).stream().map(ValidationRecord::findingKey)
                .collect(Collectors.toSet());
        return CycleMetrics.compute(entries, validated, progress.tiers(cycle.key()), scope.list(cycle.key()),
                progress.coveredSurfaces(cycle.key()), today);
    }
}
