package org.ctemcycles.store;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.cadence.RecordDigestRepository;
import org.ctemcycles.core.cadence.RecordRows;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.discovery.CoverageRecord;
import org.ctemcycles.core.discovery.DiscoveryRepository;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.evidence.EvidenceSource;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.scoring.FeedStore;
import org.ctemcycles.core.scope.SurfaceRepository;
import org.ctemcycles.core.validation.ValidationRepository;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.contracts.ActivityLogContract;
import org.ctemcycles.testing.contracts.CheckpointRepositoryContract;
import org.ctemcycles.testing.contracts.ClosureRepositoryContract;
import org.ctemcycles.testing.contracts.CycleProgressContract;
import org.ctemcycles.testing.contracts.CycleRepositoryContract;
import org.ctemcycles.testing.contracts.DecisionRepositoryContract;
import org.ctemcycles.testing.contracts.DiscoveryRepositoryContract;
import org.ctemcycles.testing.contracts.EvidenceSourceContract;
import org.ctemcycles.testing.contracts.FeedStoreContract;
import org.ctemcycles.testing.contracts.RecordDigestRepositoryContract;
import org.ctemcycles.testing.contracts.RecordRowsContract;
import org.ctemcycles.testing.contracts.RegisterRepositoryContract;
import org.ctemcycles.testing.contracts.ScopeRegisterContract;
import org.ctemcycles.testing.contracts.SurfaceRepositoryContract;
import org.ctemcycles.testing.contracts.ValidationRepositoryContract;
import org.junit.Rule;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Each port's contract held against its Active Objects implementation, on H2 and on PostgreSQL. */
@RunWith(Enclosed.class)
public class AoContractsTest {

    private AoContractsTest() {
    }

    @RunWith(Parameterized.class)
    public static class Cycles extends CycleRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Cycles(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected CycleRepository repository() {
            return new AoCycleRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Log extends ActivityLogContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Log(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected ActivityLog activityLog() {
            return new AoActivityLog(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Register extends RegisterRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Register(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected RegisterRepository repository() {
            AoCycleRepository cycles = new AoCycleRepository(db.ao());
            // the cycle table's own order is not the key order the register's reads promise
            CYCLES.reversed().forEach(key -> cycles.insert(CycleRepositoryContract.cycle(key, "2026-07-01")));
            return new AoRegisterRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Validations extends ValidationRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Validations(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected ValidationRepository repository() {
            return new AoValidationRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Checkpoints extends CheckpointRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Checkpoints(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected CheckpointRepository repository() {
            return new AoCheckpointRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Closures extends ClosureRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Closures(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected ClosureRepository repository() {
            return new AoClosureRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Scope extends ScopeRegisterContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Scope(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected ScopeRegister scopeRegister() {
            return new AoSurfaceRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Surfaces extends SurfaceRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Surfaces(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected SurfaceRepository repository() {
            return new AoSurfaceRepository(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Decisions extends DecisionRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Decisions(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected DecisionRepository repository() {
            return new AoDecisionRepository(db.ao(), new DecisionJson());
        }
    }

    @RunWith(Parameterized.class)
    public static class Discovery extends DiscoveryRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Discovery(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected DiscoveryRepository repository() {
            return new AoDiscoveryRepository(db.ao());
        }
    }

    /** The same contract with live signals always read finding by finding (ADR 049). */
    @RunWith(Parameterized.class)
    public static class DiscoveryLiveSignalsByFinding extends DiscoveryRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public DiscoveryLiveSignalsByFinding(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected DiscoveryRepository repository() {
            return new AoDiscoveryRepository(db.ao(), AoDiscoveryRepository.LiveSignalReads.BY_FINDING);
        }
    }

    @RunWith(Parameterized.class)
    public static class Evidence extends EvidenceSourceContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Evidence(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected EvidenceSource evidenceSource() {
            return new AoEvidenceSource(db.ao(), new DecisionJson());
        }

        @Override
        protected DiscoveryRepository discovery() {
            return new AoDiscoveryRepository(db.ao());
        }

        @Override
        protected RegisterRepository register() {
            return new AoRegisterRepository(db.ao());
        }

        @Override
        protected DecisionRepository decisions() {
            return new AoDecisionRepository(db.ao(), new DecisionJson());
        }

        @Override
        protected ValidationRepository validations() {
            return new AoValidationRepository(db.ao());
        }

        @Override
        protected ActivityLog activityLog() {
            return new AoActivityLog(db.ao());
        }
    }

    /** Feeds, and a store over the same database whose feed rows cannot be written (a database lost mid-load). */
    @RunWith(Parameterized.class)
    public static class Feeds extends FeedStoreContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Feeds(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected FeedStore feedStore() {
            return new AoFeedStore(db.ao());
        }

        @Override
        protected FeedStore failingFeedStore() {
            return new AoFeedStore(FailingAfter.wrap(db.ao(), 0));
        }
    }

    @RunWith(Parameterized.class)
    public static class Digests extends RecordDigestRepositoryContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Digests(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected RecordDigestRepository repository() {
            return new AoRecordDigestRepository(db.ao());
        }

        @Override
        protected Transactions transactions() {
            return new AoTransactions(db.ao());
        }
    }

    @RunWith(Parameterized.class)
    public static class Rows extends RecordRowsContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Rows(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected RecordRows rows() {
            return new AoRecordRows(db.ao(), new DecisionJson());
        }

        @Override
        protected RegisterRepository register() {
            return new AoRegisterRepository(db.ao());
        }

        @Override
        protected DiscoveryRepository discovery() {
            return new AoDiscoveryRepository(db.ao());
        }

        @Override
        protected DecisionRepository decisions() {
            return new AoDecisionRepository(db.ao(), new DecisionJson());
        }
    }

    /** Progress read from what discovery and prioritisation stored: runs with their coverage, and decisions. */
    @RunWith(Parameterized.class)
    public static class Progress extends CycleProgressContract {
        @Parameterized.Parameters(name = "{0}")
        public static List<Object[]> databases() {
            return TestDatabase.parameters();
        }

        @Rule
        public final OpenDatabase db;

        public Progress(TestDatabase database) {
            db = new OpenDatabase(database);
        }

        @Override
        protected CycleProgress progress() {
            return new AoCycleProgress(db.ao(), new AoDecisionRepository(db.ao(), new DecisionJson()));
        }

        @Override
        protected void recordDiscoveryRun(String cycleKey, Set<String> coveredSurfaces) {
            AoDiscoveryRepository discovery = new AoDiscoveryRepository(db.ao());
            Instant at = Instant.parse("2026-07-01T09:00:00Z");
            long run = discovery.insertRun(new DiscoveryRun(0, cycleKey, SourceKind.AUTHENTICATED_SCAN, "Nessus",
                    "10", "nessus", "scan.nessus", UUID.randomUUID().toString().replace("-", ""), at, at, "lead",
                    true, List.of(), List.of(), RunCounts.NONE, List.of()));
            discovery.insertCoverage(coveredSurfaces.stream().map(surface -> new CoverageRecord(run, cycleKey,
                    surface, SourceKind.AUTHENTICATED_SCAN, at, true)).toList());
            discovery.completeRun(run, List.copyOf(coveredSurfaces), RunCounts.NONE);
        }

        @Override
        protected void recordRanking(String cycleKey, String runId, List<Decision> ranked) {
            new AoDecisionRepository(db.ao(), new DecisionJson()).appendToCycle(cycleKey, runId, ranked);
        }
    }
}
