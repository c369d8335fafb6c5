package org.ctemcycles.jira.tracker;

import com.atlassian.jira.issue.status.Status;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.ctemcycles.store.AoCycleRepository;
import org.ctemcycles.store.AoTransactions;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.OpenDatabase;
import org.ctemcycles.testing.TestDatabase;
import org.ctemcycles.testing.contracts.IssueTrackerContract;
import org.junit.Rule;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tracker's contract held against the Jira adapter: Jira's services are the test doubles of
 * {@link FakeJiraIssues}, the claims and cycles live in Active Objects on H2 and PostgreSQL, and every call runs in a
 * transaction as the record runs it.
 */
@RunWith(Parameterized.class)
public class JiraIssueTrackerContractTest extends IssueTrackerContract {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Rule
    public final OpenDatabase db;

    private final FakeJira jira = new FakeJira();
    private final FakeJiraIssues issues = new FakeJiraIssues(jira);
    private AoTransactions transactions;

    public JiraIssueTrackerContractTest(TestDatabase database) {
        db = new OpenDatabase(database);
    }

    @Override
    protected IssueTracker issueTracker() {
        AoCycleRepository cycles = new AoCycleRepository(db.ao());
        for (String key : List.of("CTEM-1", "CTEM-2")) {
            cycles.insert(new Cycle(key, "Cycle " + key, "objective", new Cadence(LocalDate.parse("2026-07-01"),
                    LocalDate.parse("2026-09-29"), 14), Stage.MOBILISATION, Instant.parse("2026-07-01T09:00:00Z"),
                    jira.lead.getKey(), "", "", "", 1, "SEC"));
        }
        transactions = new AoTransactions(db.ao());
        return new JiraIssueTracker(issues.api(), new TrackerSettings(jira.settingsFactory, issues.api()), db.ao(),
                Clock.fixed(Instant.parse("2026-07-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @Override
    protected <T> T asTheRecordDoes(Supplier<T> call) {
        return transactions.inTransaction(call);
    }

    @Override
    protected String actor() {
        return jira.lead.getKey();
    }

    @Override
    protected String assignee(String name) {
        return switch (name) {
            case "alice" -> jira.lead.getKey();
            case "bob" -> jira.engineer.getKey();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Override
    protected void moveInTracker(TrackerIssue issue, TrackerStatus to, String resolution) {
        Status status = switch (to) {
            case TO_DO -> issues.toDo;
            case IN_PROGRESS -> issues.inProgress;
            case DONE -> issues.done;
        };
        issues.transition(issue.key(), status, resolution.isEmpty() ? null : resolution, jira.engineer);
    }

    @Override
    protected void deleteInTracker(TrackerIssue issue) {
        issues.delete(issue.key(), jira.engineer);
    }
}
