package org.ctemcycles.testing.contracts;

import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.validation.ValidationRepository;
import org.ctemcycles.testing.InMemoryActivityLog;
import org.ctemcycles.testing.InMemoryCheckpointRepository;
import org.ctemcycles.testing.InMemoryClosureRepository;
import org.ctemcycles.testing.InMemoryCycleRepository;
import org.ctemcycles.testing.InMemoryRegisterRepository;
import org.ctemcycles.testing.InMemoryScopeRegister;
import org.ctemcycles.testing.InMemoryValidationRepository;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;

/**
 * Each port's contract held against its in-memory implementation (core's unit tests run on these, so they must
 * keep the promises the stores keep) and the command line's issue tracker.
 */
@RunWith(Enclosed.class)
public class InMemoryContractsTest {

    private InMemoryContractsTest() {
    }

    public static class Cycles extends CycleRepositoryContract {
        @Override
        protected CycleRepository repository() {
            return new InMemoryCycleRepository();
        }
    }

    public static class Log extends ActivityLogContract {
        @Override
        protected ActivityLog activityLog() {
            return new InMemoryActivityLog();
        }
    }

    public static class Register extends RegisterRepositoryContract {
        @Override
        protected RegisterRepository repository() {
            return new InMemoryRegisterRepository();
        }
    }

    public static class Validations extends ValidationRepositoryContract {
        @Override
        protected ValidationRepository repository() {
            return new InMemoryValidationRepository();
        }
    }

    public static class Checkpoints extends CheckpointRepositoryContract {
        @Override
        protected CheckpointRepository repository() {
            return new InMemoryCheckpointRepository();
        }
    }

    public static class Closures extends ClosureRepositoryContract {
        @Override
        protected ClosureRepository repository() {
            return new InMemoryClosureRepository();
        }
    }

    public static class Scope extends ScopeRegisterContract {
        @Override
        protected ScopeRegister scopeRegister() {
            return new InMemoryScopeRegister();
        }
    }

    /** The command line's tracker; the Jira adapter will get a class like this one. */
    public static class LocalTracker extends IssueTrackerContract {
        @Override
        protected IssueTracker issueTracker() {
            return new LocalIssueTracker("LOCAL");
        }
    }
}
