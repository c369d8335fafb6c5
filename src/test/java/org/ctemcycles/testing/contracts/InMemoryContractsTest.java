package org.ctemcycles.testing.contracts;

import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.cadence.CheckpointRepository;
import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.cadence.RecordDigestRepository;
import org.ctemcycles.core.cadence.RecordRows;
import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.validation.ValidationRepository;
import org.ctemcycles.testing.InMemoryActivityLog;
import org.ctemcycles.testing.InMemoryCheckpointRepository;
import org.ctemcycles.testing.InMemoryClosureRepository;
import org.ctemcycles.testing.InMemoryCycleProgress;
import org.ctemcycles.testing.InMemoryCycleRepository;
import org.ctemcycles.testing.InMemoryRecordDigestRepository;
import org.ctemcycles.testing.InMemoryRecordRows;
import org.ctemcycles.testing.InMemoryRegisterRepository;
import org.ctemcycles.testing.InMemoryScopeRegister;
import org.ctemcycles.testing.InMemoryValidationRepository;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;

import java.util.List;
import java.util.Set;

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

    public static class Progress extends CycleProgressContract {
        private final InMemoryCycleProgress progress = new InMemoryCycleProgress();

        @Override
        protected CycleProgress progress() {
            return progress;
        }

        @Override
        protected void recordDiscoveryRun(String cycleKey, Set<String> coveredSurfaces) {
            progress.recordDiscoveryRun(cycleKey, coveredSurfaces);
        }

        @Override
        protected void recordRanking(String cycleKey, String runId, List<Decision> ranked) {
            ranked.forEach(d -> progress.recordDecision(cycleKey, d.findingKey(), d.tier().name()));
        }
    }

    public static class Digests extends RecordDigestRepositoryContract {
        @Override
        protected RecordDigestRepository repository() {
            return new InMemoryRecordDigestRepository();
        }
    }

    /** The in-memory record keeps no findings or decisions: only its register's rows are checked. */
    public static class Rows extends RecordRowsContract {
        private final InMemoryRegisterRepository register = new InMemoryRegisterRepository();

        @Override
        protected RecordRows rows() {
            return new InMemoryRecordRows(register);
        }

        @Override
        protected RegisterRepository register() {
            return register;
        }
    }

    /** The command line's tracker; the Jira adapter's is jira/tracker/JiraIssueTrackerContractTest. */
    public static class LocalTracker extends IssueTrackerContract {
        private LocalIssueTracker local;

        @Override
        protected IssueTracker issueTracker() {
            local = new LocalIssueTracker("LOCAL");
            return local;
        }

        @Override
        protected void moveInTracker(TrackerIssue issue, TrackerStatus to, String resolution) {
            local.move(issue.id(), to, to == TrackerStatus.DONE ? resolution : "");
        }

        @Override
        protected void deleteInTracker(TrackerIssue issue) {
            local.delete(issue.id());
        }
    }
}
