package org.ctemcycles.app;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.FollowedActivityLog;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.AnchorKeySource;
import org.ctemcycles.core.audit.ConfigurationChanges;
import org.ctemcycles.core.discovery.SourceRepository;
import org.ctemcycles.core.audit.LogAnchor;
import org.ctemcycles.core.cadence.CheckpointService;
import org.ctemcycles.core.cadence.ClosureService;
import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.cadence.ScopeRecommendations;
import org.ctemcycles.core.cadence.RecordDigests;
import org.ctemcycles.core.cadence.StageGates;
import org.ctemcycles.core.cadence.StageService;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.ScopeService;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.evidence.EvidencePackService;
import org.ctemcycles.core.evidence.FindingRecords;
import org.ctemcycles.core.evidence.MobilisedIssues;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.core.evidence.compliance.ControlCatalogue;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.MobilisationRuns;
import org.ctemcycles.core.mobilisation.MobilisationService;
import org.ctemcycles.core.mobilisation.StatusChanges;
import org.ctemcycles.core.mobilisation.TrackerSync;
import org.ctemcycles.core.notice.NoticeService;
import org.ctemcycles.core.priority.QueueService;
import org.ctemcycles.core.priority.RankingThreads;
import org.ctemcycles.core.validation.ValidationService;
import org.ctemcycles.core.scoring.FeedStore;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.report.view.ReportFrame;
import org.ctemcycles.store.AoActivityLog;
import org.ctemcycles.store.AoCheckpointRepository;
import org.ctemcycles.store.AoClosureRepository;
import org.ctemcycles.store.AoCycleProgress;
import org.ctemcycles.store.AoCycleRepository;
import org.ctemcycles.store.AoDecisionRepository;
import org.ctemcycles.store.AoDiscoveryRepository;
import org.ctemcycles.store.AoEvidenceSource;
import org.ctemcycles.store.AoFeedStore;
import org.ctemcycles.store.AoFindingRecordSource;
import org.ctemcycles.store.AoFrozenPages;
import org.ctemcycles.store.AoFrozenReports;
import org.ctemcycles.store.AoMobilisedIssueSource;
import org.ctemcycles.store.AoMobilisationRunRepository;
import org.ctemcycles.store.AoNoticeRepository;
import org.ctemcycles.store.AoRecommendationRepository;
import org.ctemcycles.store.AoRecordDigestRepository;
import org.ctemcycles.store.AoRecordRows;
import org.ctemcycles.store.AoRegisterRepository;
import org.ctemcycles.store.AoSourceRepository;
import org.ctemcycles.store.AoSurfaceRepository;
import org.ctemcycles.store.AoTransactions;
import org.ctemcycles.store.AoValidationRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root of the cycle record: every service of the record built over one Active Objects store and the
 * ports that live elsewhere (the issue tracker, who is a security lead, the clock; tests may also stand in for the
 * scope register and for what discovery and prioritisation produced). Jira's {@code CtemServices} and the command
 * line both build the record here, so both run the same services with the same transaction and retry path
 * ({@link AoTransactions}). It holds no state beyond the services (everything lives in the database) and the threads
 * the queue ranks on, which {@link #close()} stops: the app closes the record with itself.
 */
public final class CycleRecord implements AutoCloseable {

    private final AoActivityLog log;
    private final RecordDigests digests;
    private final CycleService cycles;
    private final ScopeService scope;
    private final StageService stages;
    private final MobilisationService mobilisation;
    private final ValidationService validation;
    private final CheckpointService checkpoints;
    private final ClosureService closure;
    private final ScopeRecommendations recommendations;
    private final DiscoveryService discovery;
    private final DiscoveryIntake intake;
    private final QueueService queue;
    private final EvidencePackService evidence;
    private final RecordPages pages;
    private final FindingRecords findingRecords;
    private final MobilisedIssues mobilisedIssues;
    private final AoFeedStore feeds;
    private final ConfigurationChanges configurationChanges;
    private final SourceRepository sources;
    private final Transactions transactions;
    private final Clock clock;
    private final RankingThreads rankingThreads;
    private final TrackerSync trackerSync;
    private final MobilisationRuns mobilisationRuns;
    private final NoticeService notices;
    private final FrozenReports frozenReports;
    private final FrozenPages frozenPages;

    /**
     * Everything over the database: surfaces in {@link AoSurfaceRepository}, the stage gates and checkpoint metrics
     * reading discovery's runs and the stored decisions ({@link AoCycleProgress}).
     */
    public static CycleRecord overStore(ActiveObjects ao, IssueTracker tracker, SecurityLeads leads, Clock clock) {
        return overStore(ao, tracker, leads, clock, AnchorKeySource.none());
    }

    /**
     * Everything over the database, the activity log anchored with the key {@code keys} holds (when it holds one).
     * A key made just now first anchors the chains written before it ({@link AoActivityLog}).
     */
    public static CycleRecord overStore(ActiveObjects ao, IssueTracker tracker, SecurityLeads leads, Clock clock,
                                        AnchorKeySource keys) {
        return overStore(ao, tracker, leads, clock, keys, entry -> { });
    }

    /**
     * Everything over the database, {@code follower} told of every entry the record's services append to the
     * activity log, in the transaction that appends it (inside Jira: what re-indexes the app's custom fields).
     */
    public static CycleRecord overStore(ActiveObjects ao, IssueTracker tracker, SecurityLeads leads, Clock clock,
                                        AnchorKeySource keys, Consumer<LogEntry> follower) {
        return overStore(ao, tracker, leads, clock, keys, follower, null);
    }

    /**
     * Everything over the database, the evidence pack frozen at closure as JSON and, through {@code html} (Jira's
     * template renderer, or the command's engine), as the report template's whole document (ADR 083).
     */
    public static CycleRecord overStore(ActiveObjects ao, IssueTracker tracker, SecurityLeads leads, Clock clock,
                                        AnchorKeySource keys, Consumer<LogEntry> follower,
                                        FrozenReports.PackHtml html) {
        Optional<AnchorKeySource.AnchorKey> key = keys.key();
        CycleRecord record = new CycleRecord(ao, new AoSurfaceRepository(ao),
                new AoCycleProgress(ao, new AoDecisionRepository(ao, new DecisionJson())), tracker, leads, clock,
                key.map(k -> LogAnchor.keyed(k.bytes())).orElse(LogAnchor.unkeyed()), follower, html);
        if (key.isPresent() && key.get().madeNow()) {
            record.log.anchorChainsWrittenWithoutKey();
        }
        return record;
    }

    public CycleRecord(ActiveObjects ao, ScopeRegister scopeRegister, CycleProgress progress, IssueTracker tracker,
                       SecurityLeads leads, Clock clock) {
        this(ao, scopeRegister, progress, tracker, leads, clock, LogAnchor.unkeyed());
    }

    public CycleRecord(ActiveObjects ao, ScopeRegister scopeRegister, CycleProgress progress, IssueTracker tracker,
                       SecurityLeads leads, Clock clock, LogAnchor anchor) {
        this(ao, scopeRegister, progress, tracker, leads, clock, anchor, entry -> { }, null);
    }

    private CycleRecord(ActiveObjects ao, ScopeRegister scopeRegister, CycleProgress progress, IssueTracker tracker,
                        SecurityLeads leads, Clock clock, LogAnchor anchor, Consumer<LogEntry> follower,
                        FrozenReports.PackHtml html) {
        this.clock = clock;
        // the queue ranks on threads of its own, sized here and closed with the record: inside Jira never on the
        // JVM's common pool, and at most half the cores, so a large ranking leaves Jira's request threads room
        this.rankingThreads = RankingThreads.of(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.transactions = new AoTransactions(ao);
        this.log = new AoActivityLog(ao, anchor);
        // the services append through the followed log; the field keeps the store's (its anchoring is the store's)
        ActivityLog log = new FollowedActivityLog(this.log, follower);
        this.digests = new RecordDigests(new AoRecordRows(ao, new DecisionJson()), new AoRecordDigestRepository(ao), log);
        AoRegisterRepository register = new AoRegisterRepository(ao);
        AoValidationRepository validations = new AoValidationRepository(ao);
        AoCheckpointRepository checkpointRows = new AoCheckpointRepository(ao);
        AoClosureRepository closures = new AoClosureRepository(ao);
        // the tracker follows the record: a reopened finding moves its issue back to work
        StatusChanges statusChanges = new StatusChanges(register, log, tracker);
        AoEvidenceSource source = new AoEvidenceSource(ao, new DecisionJson());
        this.pages = new RecordPages(source, log);
        AoCycleRepository cycleRows = new AoCycleRepository(ao);
        this.cycles = new CycleService(cycleRows, log, transactions, clock);
        this.scope = new ScopeService(cycles, scopeRegister, log, transactions, clock);
        this.stages = new StageService(cycles, new StageGates(scopeRegister, progress, register, validations,
                checkpointRows), leads, log, transactions, clock);
        this.mobilisation = new MobilisationService(cycles, register, statusChanges, tracker, log, transactions,
                clock, new RecordBriefs(pages));
        this.trackerSync = new TrackerSync(cycles, register, statusChanges, tracker, log, transactions, clock);
        this.mobilisationRuns = new MobilisationRuns(cycles, mobilisation, new AoMobilisationRunRepository(ao), log,
                transactions, clock);
        this.validation = new ValidationService(cycles, mobilisation, validations, statusChanges, log, transactions,
                clock);
        this.checkpoints = new CheckpointService(cycles, scopeRegister, progress, register, validations,
                checkpointRows, closures, digests, log, transactions, clock);
        this.discovery = new DiscoveryService(new AoDiscoveryRepository(ao), new AoSurfaceRepository(ao), cycleRows,
                transactions, clock);
        this.recommendations = new ScopeRecommendations(cycles, scope, new DiscoveryFactsOverRecord(cycles, discovery),
                new AoRecommendationRepository(ao), log, transactions, clock);
        // the pack service reads the closure, and the closure freezes the pack: the seal finds the service late
        this.frozenReports = new FrozenReports(new AoFrozenReports(ao), this::evidence, pages, log, html,
                transactions, clock);
        this.closure = new ClosureService(cycles, stages, register, scope, checkpoints, closures, digests,
                recommendations, frozenReports, log, transactions, clock);
        AoFrozenReports frozenStore = new AoFrozenReports(ao);
        this.frozenPages = new FrozenPages(frozenStore, frozenStore::storedPiece, new AoFrozenPages(ao),
                cycleKey -> frozenReports.committedSha256(cycleKey, FrozenReport.HTML), ReportFrame.PAGE_SIZE);
        this.intake = new DiscoveryIntake(cycles, discovery, mobilisation, log, transactions, clock);
        this.queue = new QueueService(cycles, mobilisation, discovery, scopeRegister, validation,
                new AoDecisionRepository(ao, new DecisionJson()), log, transactions, clock, rankingThreads);
        this.feeds = new AoFeedStore(ao);
        this.configurationChanges = new ConfigurationChanges(log, transactions, clock);
        this.evidence = new EvidencePackService(cycles, scopeRegister, discovery, checkpoints, closure,
                recommendations, digests, log,
                source, ControlCatalogue.standard(), clock);
        this.findingRecords = new FindingRecords(cycles, validation, new AoFindingRecordSource(ao, new DecisionJson()));
        this.mobilisedIssues = new MobilisedIssues(new AoMobilisedIssueSource(ao, new DecisionJson()), clock);
        this.notices = new NoticeService(cycles, register, checkpoints, new AoNoticeRepository(ao), log, transactions,
                clock);
        this.sources = new AoSourceRepository(ao);
    }

    /** The scheduled discovery sources and their recent runs, as stored (run them through ScheduledDiscovery). */
    public SourceRepository sources() {
        return sources;
    }

    /** Owners' notices and the leads' digest, each sent once (the delivery is the caller's: Jira, or none). */
    public NoticeService notices() {
        return notices;
    }

    /** The one import path for scanner reports, reading within {@code limits}. */
    public ReportImport imports(ImportLimits limits) {
        return new ReportImport(discovery, intake, transactions, Importers.standard(), limits);
    }

    /** The EPSS and KEV feeds prioritisation reads: loaded versions and the active one of each. */
    public FeedStore feeds() {
        return feeds;
    }

    /** The record's clock: what every service takes as now. */
    public Clock clock() {
        return clock;
    }

    /** Assembles evidence packs from the live record. */
    /** The evidence packs frozen at closure: their stored bytes and their verification against the log. */
    public FrozenReports frozenReports() {
        return frozenReports;
    }

    /** The frozen pack's document a section page at a time, read from its stored pieces (ADR 095). */
    public FrozenPages frozenPages() {
        return frozenPages;
    }

    /** The record verified, as {@code ctem log verify} prints it and the REST API's log verification returns it. */
    public RecordVerification verification() {
        return new RecordVerification(pages, log, digests, frozenReports);
    }

    public EvidencePackService evidence() {
        return evidence;
    }

    /** The large lists of the record (findings, runs, queue, validations, register, log) a page at a time. */
    public RecordPages pages() {
        return pages;
    }

    /** One finding's record for the issue it was mobilised into (the issue view's prioritisation panel). */
    public FindingRecords findingRecords() {
        return findingRecords;
    }

    /** The mobilised issues the JQL functions answer with (queue top, overdue, KEV, work stage). */
    public MobilisedIssues mobilisedIssues() {
        return mobilisedIssues;
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

    /** The app's configuration changes, logged in their own chain (docs/adr/086). */
    public ConfigurationChanges configurationChanges() {
        return configurationChanges;
    }

    public ActivityLog log() {
        return log;
    }

    /** The record digests checkpoints and closures commit, and their verification. */
    public RecordDigests digests() {
        return digests;
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

    /** The way back from the tracker: events, deletions and reconciliation. */
    public TrackerSync trackerSync() {
        return trackerSync;
    }

    /** Bulk mobilisation in resumable runs. */
    public MobilisationRuns mobilisationRuns() {
        return mobilisationRuns;
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

    /** The recommended next-cycle scope of closed cycles, and taking its items. */
    public ScopeRecommendations recommendations() {
        return recommendations;
    }

    /** Stops the ranking threads. */
    @Override
    public void close() {
        rankingThreads.close();
    }
}
