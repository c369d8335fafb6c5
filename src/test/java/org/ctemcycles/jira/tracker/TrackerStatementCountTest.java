package org.ctemcycles.jira.tracker;

import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;

/**
 * What mobilising one finding into Jira and taking one Jira event into the register cost in SQL statements,
 * counted beneath Active Objects, on H2 and PostgreSQL: the same for a register of 10 findings as for one of 1,000
 * (the issue's entry is found by its indexed id, never by reading the register). BENCHMARKS.md quotes the figures.
 */
@RunWith(Parameterized.class)
public class TrackerStatementCountTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;

    public TrackerStatementCountTest(TestDatabase database) {
        this.database = database;
    }

    /** Statements for: mobilising one finding, one Done event of its issue, one assignee event. */
    private record Costs(int mobilise, int doneEvent, int assignEvent) {
    }

    private Costs costs(int findings) throws Exception {
        CountingDataSource counting = new CountingDataSource();
        try (TestDatabase.Opened opened = database.open(EmbeddedDatabase.Options.app()
                .withDataSourceWrapper(counting::wrap))) {
            JiraTrackerRig rig = new JiraTrackerRig(opened.database().activeObjects());
            FakeJira jira = rig.jira;
            FakeJiraIssues issues = rig.issues;
            String lead = rig.lead;
            CtemServices services = rig.services;
            IssueEventListener listener = rig.listener;
            listener.start();
            List<String> keys = IntStream.rangeClosed(1, findings).mapToObj(i -> "F-" + i).toList();
            services.record().mobilisation().enrol("CTEM-1", keys, lead);
            MobilisationDraft draft = new MobilisationDraft(jira.engineer.getKey(), "2026-08-01", "", "", "rescan");
            services.record().mobilisation().mobilise("CTEM-1", "F-1", draft, lead); // warm: the tables' first use

            counting.reset();
            RegisterEntry entry = services.record().mobilisation().mobilise("CTEM-1", "F-2", draft, lead);
            int mobilise = counting.count();
            counting.reset();
            issues.transition(entry.trackerIssue(), issues.done, "Done", jira.engineer);
            int done = counting.count();
            assertEquals(FindingStatus.RESOLVED, services.record().mobilisation().entry("CTEM-1", "F-2").status());
            counting.reset();
            issues.assign(entry.trackerIssue(), lead, jira.lead);
            int assign = counting.count();
            assertEquals(lead, services.record().mobilisation().entry("CTEM-1", "F-2").owner());
            listener.stop();
            services.record().close();
            return new Costs(mobilise, done, assign);
        }
    }

    @Test
    public void mobilisingAndSyncingCostTheSameWhateverTheRegistersSize() throws Exception {
        Costs small = costs(10);
        Costs large = costs(1_000);
        assertEquals("mobilising one finding", small.mobilise(), large.mobilise());
        assertEquals("one Done event", small.doneEvent(), large.doneEvent());
        assertEquals("one assignee event", small.assignEvent(), large.assignEvent());
        System.out.printf("[ctem] %s statements for a register of 10 and 1,000 findings: mobilise one %d/%d,"
                        + " Done event %d/%d, assignee event %d/%d%n", database, small.mobilise(), large.mobilise(),
                small.doneEvent(), large.doneEvent(), small.assignEvent(), large.assignEvent());
    }
}
