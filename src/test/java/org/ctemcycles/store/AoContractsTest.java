package org.ctemcycles.store;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.scope.SurfaceRepository;
import org.ctemcycles.core.validation.ValidationRepository;
import org.ctemcycles.report.json.DecisionJson;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.contracts.ActivityLogContract;
import org.ctemcycles.testing.contracts.CheckpointRepositoryContract;
import org.ctemcycles.testing.contracts.ClosureRepositoryContract;
import org.ctemcycles.testing.contracts.CycleRepositoryContract;
import org.ctemcycles.testing.contracts.DecisionRepositoryContract;
import org.ctemcycles.testing.contracts.RegisterRepositoryContract;
import org.ctemcycles.testing.contracts.ScopeRegisterContract;
import org.ctemcycles.testing.contracts.SurfaceRepositoryContract;
import org.ctemcycles.testing.contracts.ValidationRepositoryContract;
import org.junit.Rule;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;

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
}
