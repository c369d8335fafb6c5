package org.ctemcycles.testing;

import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.cadence.CheckpointService;
import org.ctemcycles.core.cadence.ClosureSeal;
import org.ctemcycles.core.cadence.ClosureService;
import org.ctemcycles.core.cadence.ScopeRecommendations;
import org.ctemcycles.core.cadence.RecordDigests;
import org.ctemcycles.core.cadence.StageGates;
import org.ctemcycles.core.cadence.StageService;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.ScopeService;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.mobilisation.MobilisationService;
import org.ctemcycles.core.mobilisation.StatusChanges;
import org.ctemcycles.core.validation.ValidationService;

import java.util.List;

/**
 * The cycle record's rules with nothing beneath them but memory: the services of {@code app.CycleRecord} (cycles,
 * scope, stages, the register, validation, checkpoints, closure) wired the same way over the in-memory ports, a clock
 * tests move by hand, and {@link #LEAD} as the one security lead. Core's unit tests run on it in milliseconds; the
 * persistence tests run the same services over the databases ({@link CycleRecordFixture}).
 */
public final class InMemoryCycleRecord {

    public static final String LEAD = CycleRecordFixture.LEAD;

    public final MutableClock clock;
    public final InMemoryCycleRepository cycleRows = new InMemoryCycleRepository();
    public final InMemoryActivityLog activityLog = new InMemoryActivityLog();
    public final InMemoryScopeRegister scope = new InMemoryScopeRegister();
    public final InMemoryCycleProgress progress = new InMemoryCycleProgress();
    public final InMemoryRegisterRepository register = new InMemoryRegisterRepository();
    public final InMemoryValidationRepository validations = new InMemoryValidationRepository();
    public final InMemoryCheckpointRepository checkpointRows = new InMemoryCheckpointRepository();
    public final InMemoryClosureRepository closures = new InMemoryClosureRepository();
    public final InMemoryRecommendationRepository recommendationRows = new InMemoryRecommendationRepository();
    public final InMemoryDiscoveryFacts discoveryFacts = new InMemoryDiscoveryFacts();
    public final LocalIssueTracker tracker = new LocalIssueTracker("SEC");
    private final CycleService cycles;
    private final ScopeService scopeService;
    private final StageService stages;
    private final MobilisationService mobilisation;
    private final ValidationService validation;
    private final CheckpointService checkpoints;
    private final ClosureService closure;
    private final ScopeRecommendations recommendations;

    public InMemoryCycleRecord(String today) {
        clock = MutableClock.on(today);
        DirectTransactions transactions = new DirectTransactions();
        StatusChanges statusChanges = new StatusChanges(register, activityLog);
        cycles = new CycleService(cycleRows, activityLog, transactions, clock);
        scopeService = new ScopeService(cycles, scope, activityLog, transactions, clock);
        stages = new StageService(cycles, new StageGates(scope, progress, register, validations, checkpointRows),
                (user, cycle) -> LEAD.equals(user), activityLog, transactions, clock);
        mobilisation = new MobilisationService(cycles, register, statusChanges, tracker, activityLog, transactions,
                clock);
        validation = new ValidationService(cycles, mobilisation, validations, statusChanges, activityLog,
                transactions, clock);
        RecordDigests digests = new RecordDigests(new InMemoryRecordRows(register),
                new InMemoryRecordDigestRepository(), activityLog);
        checkpoints = new CheckpointService(cycles, scope, progress, register, validations, checkpointRows, closures,
                digests, activityLog, transactions, clock);
        recommendations = new ScopeRecommendations(cycles, scopeService, discoveryFacts, recommendationRows,
                activityLog, transactions, clock);
        closure = new ClosureService(cycles, stages, register, scopeService, checkpoints, closures, digests,
                recommendations, ClosureSeal.none(), activityLog, transactions, clock);
    }

    public CycleService cycles() {
        return cycles;
    }

    public ScopeService scope() {
        return scopeService;
    }

    public StageService stages() {
        return stages;
    }

    public MobilisationService mobilisation() {
        return mobilisation;
    }

    public ValidationService validation() {
        return validation;
    }

    public CheckpointService checkpoints() {
        return checkpoints;
    }

    public ClosureService closure() {
        return closure;
    }

    public ScopeRecommendations recommendations() {
        return recommendations;
    }

    public InMemoryActivityLog log() {
        return activityLog;
    }

    /** Opens cycle {@code key} for 2026-07-01 to 2026-09-30 with 14-day checkpoints. */
    public void open(String key) {
        open(cycles, key);
    }

    /** Opens a cycle, records its success criteria and a complete surface: the Discovery gate is then met. */
    public void openScoped(String key) {
        openScoped(cycles, scopeService, key);
    }

    static void open(CycleService cycles, String key) {
        cycles.create(new CycleDraft(key, "Payments " + key, "Cut KEV exposure on payment hosts", "2026-07-01",
                "2026-09-30", "14"), LEAD);
    }

    static void openScoped(CycleService cycles, ScopeService scope, String key) {
        open(cycles, key);
        cycles.recordScope(key, new ScopeDraft(null, "No KEV older than 14 days on PAY-API", null, null, null), LEAD);
        scope.add(key, new SurfaceDraft("PAY-API", "Payments API", "customer-facing system", "alice", "critical",
                "internet-facing", "No exploitable KEV at cycle close",
                List.of("HOST:api.pay.example.com", "URL_PREFIX:https://api.pay.example.com/")), LEAD);
    }
}
