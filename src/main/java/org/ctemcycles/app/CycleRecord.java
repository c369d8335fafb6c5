package org.ctemcycles.app;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.cadence.CheckpointService;
import org.ctemcycles.core.cadence.ClosureService;
import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.cadence.StageGates;
import org.ctemcycles.core.cadence.StageService;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.ScopeService;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.evidence.EvidencePackService;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.MobilisationService;
import org.ctemcycles.core.mobilisation.StatusChanges;
import org.ctemcycles.core.priority.QueueService;
import org.ctemcycles.core.validation.ValidationService;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.store.AoActivityLog;
import org.ctemcycles.store.AoCheckpointRepository;
import org.ctemcycles.store.AoClosureRepository;
import org.ctemcycles.store.AoCycleProgress;
import org.ctemcycles.store.AoCycleRepository;
import org.ctemcycles.store.AoDecisionRepository;
import org.ctemcycles.store.AoDiscoveryRepository;
import org.ctemcycles.store.AoEvidenceSource;
import org.ctemcycles.store.AoFeedStore;
import org.ctemcycles.store.AoRegisterRepository;
import org.ctemcycles.store.AoSurfaceRepository;
import org.ctemcycles.store.AoTransactions;
import org.ctemcycles.store.AoValidationRepository;

import java.time.Clock;

/**
 * The composition root of the cycle record: every service of the record built over one Active Objects store and the
 * ports that live elsewhere (the issue tracker, who is a security lead, the clock; tests may also stand in for the
 * scope register and for what discovery and prioritisation produced). Jira's {@code CtemServices} and the command
 * line both build the record here, so both run the same services with the same transaction and retry path
 * ({@link AoTransactions}). It holds no state beyond the services: everything lives in the database.
 */
public final class CycleRecord {

    private final ActivityLog log;
    private final CycleService cycles;
    private final ScopeService scope;
    private final StageService stages;
    private final MobilisationService mobilisation;
    private final ValidationService validation;
    private final CheckpointService checkpoints;
    private final ClosureService closure;
    private final DiscoveryService discovery;
    private final DiscoveryIntake intake;
    private final QueueService queue;
    private final EvidencePackService evidence;
    private final AoFeedStore feeds;
    private final Transactions transactions;

    /**
     * Everything over the database: surfaces in {@link AoSurfaceRepository}, the stage gates and checkpoint metrics
     * reading discovery's runs and the stored decisions ({@link AoCycleProgress}).
     */
    public static CycleRecord overStore(ActiveObjects ao, IssueTracker tracker, SecurityLeads leads, Clock clock) {
        return new CycleRecord(ao, new AoSurfaceRepository(ao),
                new AoCycleProgress(ao, new AoDecisionRepository(ao)), tracker, leads, clock);
    }

    public CycleRecord(ActiveObjects ao, ScopeRegister scopeRegister, CycleProgress progress, IssueTracker tracker,
                       SecurityLeads leads, Clock clock) {
        this.transactions = new AoTransactions(ao);
        this.log = new AoActivityLog(ao);
        AoRegisterRepository register = new AoRegisterRepository(ao);
        AoValidationRepository validations = new AoValidationRepository(ao);
        AoCheckpointRepository checkpointRows = new AoCheckpointRepository(ao);
        AoClosureRepository closures = new AoClosureRepository(ao);
        StatusChanges statusChanges = new StatusChanges(register, log);
        AoCycleRepository cycleRows = new AoCycleRepository(ao);
        this.cycles = new CycleService(cycleRows, log, transactions, clock);
        this.scope = new ScopeService(cycles, scopeRegister, log, transactions, clock);
        this.stages = new StageService(cycles, new StageGates(scopeRegister, progress, register, validations,
                checkpointRows), leads, log, transactions, clock);
        this.mobilisation = new MobilisationService(cycles, register, statusChanges, tracker, log, transactions,
                clock);
        this.validation = new ValidationService(cycles, mobilisation, validations, statusChanges, log, transactions,
                clock);
        this.checkpoints = new CheckpointService(cycles, scopeRegister, progress, register, validations,
                checkpointRows, closures, log, transactions, clock);
        this.closure = new ClosureService(cycles, stages, register, scope, checkpoints, closures, log,
                transactions, clock);
        this.discovery = new DiscoveryService(new AoDiscoveryRepository(ao), new AoSurfaceRepository(ao), cycleRows,
                transactions, clock);
        this.intake = new DiscoveryIntake(cycles, discovery, mobilisation, log, clock);
        this.queue = new QueueService(cycles, mobilisation, discovery, scopeRegister, validation,
                new AoDecisionRepository(ao), log, transactions, clock);
        this.feeds = new AoFeedStore(ao);
        this.evidence = new EvidencePackService(cycles, scopeRegister, discovery, checkpoints, closure, log,
                new AoEvidenceSource(ao), ControlCatalogue.standard(), clock);
    }

    /** The one import path for scanner reports, reading within {@code limits}. */
    public ReportImport imports(ImportLimits limits) {
        return new ReportImport(discovery, intake, transactions, Importers.standard(), limits);
    }

    /** The EPSS and KEV feeds prioritisation reads: loaded versions and the active one of each. */
    public AoFeedStore feeds() {
        return feeds;
    }

    /** Assembles evidence packs from the live record. */
    public EvidencePackService evidence() {
        return evidence;
    }

    public DiscoveryService discovery() {
        return discovery;
    }

    /** Takes recorded discovery runs into the register. */
    public DiscoveryIntake intake() {
        return intake;
    }

    public QueueService queue() {
        return queue;
    }

    public ActivityLog log() {
        return log;
    }

    public CycleService cycles() {
        return cycles;
    }

    public ScopeService scope() {
        return scope;
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
}
