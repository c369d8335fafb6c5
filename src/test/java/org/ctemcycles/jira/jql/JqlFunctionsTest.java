package org.ctemcycles.jira.jql;

import com.atlassian.jira.JiraDataTypes;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.jira.tracker.JiraIssueTracker;
import org.ctemcycles.jira.tracker.TrackerSettings;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.PaymentsCycle;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The JQL functions over a mobilised cycle on a real database (H2 and PostgreSQL), with the Jira adapter mobilising
 * into the test doubles of Jira's issues: the right issue ids in the right order, nothing for a searcher who may not
 * read the cycle's work or browse the issue, argument messages from the i18n bundle, and the same number of SQL
 * statements for a small and a large cycle.
 */
@RunWith(Parameterized.class)
public class JqlFunctionsTest {

    private static final String CYCLE = PaymentsCycle.CYCLE;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private final FakeJira jira = new FakeJira();
    private final FakeJiraIssues jiraIssues = new FakeJiraIssues(jira);
    private final PropertiesI18n i18n = new PropertiesI18n();

    public JqlFunctionsTest(TestDatabase database) {
        this.database = database;
    }

    /**
     * Cycle CTEM-2026-Q4 of project SEC: Log4Shell (in KEV) and {@code others} findings not in KEV, ranked; the
     * findings at ranks 1, 2 and 4 mobilised into Jira (rank 3 is not), {@code extraMobilised} more beyond them.
     */
    private final class Scenario implements AutoCloseable {

        final CountingDataSource counting = new CountingDataSource();
        final TestDatabase.Opened opened = database.open(EmbeddedDatabase.Options.app()
                .withDataSourceWrapper(counting::wrap));
        final MutableClock clock = MutableClock.on("2026-10-10");
        final CtemPermissions permissions = new CtemPermissions(jira.globalPermissions, jira.permissions,
                jira.groups, jira.projectManager, jira.roles, jira.userManager, new CtemSettings(jira.settingsFactory));
        final CtemServices services;
        final QueueFunction queue;
        final OverdueFunction overdue;
        final KevFunction kev;
        final StageFunction stage;
        final List<Decision> ranked;
        final RegisterEntry first;
        final RegisterEntry second;
        final RegisterEntry fourth;

        Scenario(int others, int extraMobilised) throws Exception {
            var ao = opened.database().activeObjects();
            services = new CtemServices(ao, permissions, new JiraIssueTracker(jiraIssues.api(),
                    new TrackerSettings(jira.settingsFactory, jiraIssues.api()), ao, clock), clock);
            queue = new QueueFunction(services, permissions, jira.permissions, jiraIssues.issueManager, i18n);
            overdue = new OverdueFunction(services, permissions, jira.permissions, jiraIssues.issueManager, i18n);
            kev = new KevFunction(services, permissions, jira.permissions, jiraIssues.issueManager, i18n);
            stage = new StageFunction(services, permissions, jira.permissions, jiraIssues.issueManager, i18n);
            String lead = jira.lead.getKey();
            var record = services.record();
            ranked = PaymentsCycle.prioritised(record, lead, "Apache Log4j RCE (Log4Shell)", others);
            first = mobilise(0, "2026-11-30");
            second = mobilise(1, "2026-10-15");
            fourth = mobilise(3, "2026-12-15");
            for (int i = 0; i < extraMobilised; i++) {
                mobilise(4 + i, "2026-12-20");
            }
        }

        private RegisterEntry mobilise(int index, String deadline) {
            return services.record().mobilisation().mobilise(CYCLE, ranked.get(index).findingKey(),
                    new MobilisationDraft(jira.engineer.getKey(), deadline, "", "", "rescan", ""),
                    jira.lead.getKey());
        }

        @Override
        public void close() throws Exception {
            services.close();
            opened.close();
        }
    }

    private static List<Long> values(CtemJqlFunction function, ApplicationUser user, String... args) {
        QueryCreationContext context = mock(QueryCreationContext.class);
        when(context.getApplicationUser()).thenReturn(user);
        FunctionOperand operand = new FunctionOperand(function.name(), args);
        List<Long> ids = new ArrayList<>();
        for (QueryLiteral literal : function.getValues(context, operand, mock(TerminalClause.class))) {
            assertSame(operand, literal.getSourceOperand());
            ids.add(literal.getLongValue());
        }
        return ids;
    }

    /** For the functions whose order means nothing (Jira orders the results): by id, as issues were created. */
    private static List<Long> sorted(CtemJqlFunction function, ApplicationUser user, String... args) {
        return values(function, user, args).stream().sorted().toList();
    }

    private static Set<String> messages(CtemJqlFunction function, ApplicationUser user, String... args) {
        MessageSet messages = function.validate(user, new FunctionOperand(function.name(), args),
                mock(TerminalClause.class));
        assertEquals(!messages.getErrorMessages().isEmpty(), messages.hasAnyErrors());
        return messages.getErrorMessages();
    }

    private static long id(RegisterEntry entry) {
        return Long.parseLong(entry.trackerIssueId());
    }

    @Test
    public void ctemQueueGivesTheIssuesOfTheTopOfTheQueueInQueueOrder() throws Exception {
        try (Scenario s = new Scenario(6, 0)) {
            assertEquals(CYCLE, s.first.cycleKey());
            assertFalse("ids are kept for Jira's issues", s.first.trackerIssueId().isEmpty());
            assertEquals(List.of(id(s.first)), values(s.queue, jira.engineer, CYCLE, "1"));
            assertEquals(List.of(id(s.first), id(s.second)), values(s.queue, jira.engineer, CYCLE, "2"));
            // rank 3 was not mobilised: it has no issue, so the top 3 holds two issues and the top 4 three
            assertEquals(List.of(id(s.first), id(s.second)), values(s.queue, jira.engineer, CYCLE, "3"));
            assertEquals(List.of(id(s.first), id(s.second), id(s.fourth)),
                    values(s.queue, jira.engineer, " " + CYCLE.toLowerCase() + " ", "1000"));
            assertSame(JiraDataTypes.ISSUE, s.queue.getDataType());
            assertTrue(messages(s.queue, jira.engineer, CYCLE, "20").isEmpty());
        }
    }

    @Test
    public void ctemOverdueGivesOpenWorkPastItsDeadline() throws Exception {
        try (Scenario s = new Scenario(6, 0)) {
            assertEquals(List.of(), sorted(s.overdue, jira.engineer, CYCLE));
            s.clock.setDay("2026-10-15");
            assertEquals("due today is not yet overdue", List.of(), sorted(s.overdue, jira.engineer, CYCLE));
            s.clock.setDay("2026-10-16");
            assertEquals(List.of(id(s.second)), sorted(s.overdue, jira.engineer, CYCLE));
            s.clock.setDay("2026-12-01");
            assertEquals(List.of(id(s.first), id(s.second)), sorted(s.overdue, jira.engineer, CYCLE));
            // resolved work waits for its retest: no longer open remediation
            s.services.record().mobilisation().changeStatus(CYCLE, s.second.findingKey(), "resolved", "patched",
                    jira.lead.getKey());
            assertEquals(List.of(id(s.first)), sorted(s.overdue, jira.engineer, CYCLE));
        }
    }

    @Test
    public void ctemKevGivesTheIssuesWhoseFindingTheQueueFoundInKev() throws Exception {
        try (Scenario s = new Scenario(6, 0)) {
            assertEquals("Log4Shell ranks first", "Apache Log4j RCE (Log4Shell)",
                    s.services.record().findingRecords().of(s.services.record().cycles().get(CYCLE), s.first, false)
                            .finding().title());
            assertTrue(s.ranked.get(0).inKev());
            assertTrue(s.ranked.subList(1, s.ranked.size()).stream().noneMatch(Decision::inKev));
            assertEquals(List.of(id(s.first)), sorted(s.kev, jira.engineer));
            assertTrue(messages(s.kev, jira.engineer).isEmpty());
            assertEquals("a cycle whose work the outsider may not read", List.of(), sorted(s.kev, jira.outsider));
        }
    }

    @Test
    public void ctemStageGivesTheIssuesWhoseWorkWaitsAtTheStage() throws Exception {
        try (Scenario s = new Scenario(6, 0)) {
            assertEquals(List.of(id(s.first), id(s.second), id(s.fourth)),
                    sorted(s.stage, jira.engineer, CYCLE, "mobilisation"));
            assertEquals(List.of(), sorted(s.stage, jira.engineer, CYCLE, "Validation"));
            s.services.record().mobilisation().changeStatus(CYCLE, s.second.findingKey(), "resolved", "patched",
                    jira.lead.getKey());
            s.services.record().mobilisation().changeStatus(CYCLE, s.fourth.findingKey(), "false-positive",
                    "scanner misread the banner", jira.lead.getKey());
            assertEquals(List.of(id(s.first)), sorted(s.stage, jira.engineer, CYCLE, "MOBILISATION"));
            assertEquals(List.of(id(s.second)), sorted(s.stage, jira.engineer, CYCLE, "validation"));
            assertEquals(List.of(id(s.fourth)), sorted(s.stage, jira.engineer, CYCLE, "closed"));
        }
    }

    @Test
    public void noIssueGoesToASearcherWhoMayNotReadTheCycleOrBrowseTheIssue() throws Exception {
        try (Scenario s = new Scenario(6, 0)) {
            List<Long> all = List.of(id(s.first), id(s.second), id(s.fourth));
            assertEquals(all, sorted(s.stage, jira.engineer, CYCLE, "mobilisation"));
            // no role in the cycle: nothing, whatever the function
            for (ApplicationUser nobody : new ApplicationUser[]{jira.outsider, null}) {
                assertEquals(List.of(), values(s.queue, nobody, CYCLE, "10"));
                assertEquals(List.of(), sorted(s.stage, nobody, CYCLE, "mobilisation"));
                assertEquals(List.of(), sorted(s.kev, nobody));
                s.clock.setDay("2026-12-31");
                assertEquals(List.of(), sorted(s.overdue, nobody, CYCLE));
                s.clock.setDay("2026-10-10");
            }
            // the security lead may read the cycle's work but not browse project SEC: no issue either
            assertEquals(List.of(), values(s.queue, jira.lead, CYCLE, "10"));
            jira.grantBrowse(jira.lead, jira.sec);
            assertEquals(all, sorted(s.stage, jira.lead, CYCLE, "mobilisation"));
            // an issue security level hides one issue from the engineer, not from the lead
            jira.hideIssue(id(s.second), jira.engineer);
            assertEquals(List.of(id(s.first), id(s.fourth)), sorted(s.stage, jira.engineer, CYCLE, "mobilisation"));
            assertEquals(List.of(id(s.first), id(s.fourth)), values(s.queue, jira.engineer, CYCLE, "10"));
            assertEquals(all, sorted(s.stage, jira.lead, CYCLE, "mobilisation"));
        }
    }

    @Test
    public void badArgumentsAreNamedInTheBundlesWordsAndGiveNoIssues() throws Exception {
        try (Scenario s = new Scenario(3, 0)) {
            assertEquals(Set.of(i18n.getText("ctem.jql.arguments", "ctemQueue", "ctemQueue(\"CYCLE\", N)", "2", "1")),
                    messages(s.queue, jira.engineer, CYCLE));
            assertEquals(Set.of("ctemKev takes 0 argument(s), not 1: write ctemKev()."),
                    messages(s.kev, jira.engineer, CYCLE));
            for (String top : List.of("0", "-1", "ten", "1001", "", "2.5")) {
                assertEquals(top, Set.of(i18n.getText("ctem.jql.queue.top", "ctemQueue", top, "1000")),
                        messages(s.queue, jira.engineer, CYCLE, top));
                assertEquals(List.of(), values(s.queue, jira.engineer, CYCLE, top));
            }
            String unknown = "ctemOverdue: there is no CTEM cycle CTEM-1999 whose work you may read.";
            assertEquals(Set.of(unknown), messages(s.overdue, jira.engineer, "CTEM-1999"));
            // a cycle that exists but is not the searcher's reads the same: JQL does not tell it exists
            assertEquals(Set.of(unknown.replace("CTEM-1999", CYCLE)), messages(s.overdue, jira.outsider, CYCLE));
            assertEquals(Set.of(i18n.getText("ctem.jql.stage.unknown", "ctemStage", "remediation")),
                    messages(s.stage, jira.engineer, CYCLE, "remediation"));
            assertEquals(Set.of(i18n.getText("ctem.jql.stage.noIssues", "ctemStage", "Scoping")),
                    messages(s.stage, jira.engineer, CYCLE, "scoping"));
            assertEquals(List.of(), sorted(s.stage, jira.engineer, CYCLE, "discovery"));
            assertTrue(messages(s.stage, jira.engineer, CYCLE, "Validation").isEmpty());
        }
    }

    /** The statements of each function's getValues for the engineer: queue, overdue, KEV, stage. */
    private List<Integer> statements(Scenario s) {
        List<Integer> counts = new ArrayList<>();
        s.clock.setDay("2026-12-31");
        for (Runnable call : List.<Runnable>of(
                () -> assertEquals(3, values(s.queue, jira.engineer, CYCLE, "4").size()),
                () -> assertFalse(sorted(s.overdue, jira.engineer, CYCLE).isEmpty()),
                () -> assertEquals(1, sorted(s.kev, jira.engineer).size()),
                () -> assertFalse(sorted(s.stage, jira.engineer, CYCLE, "mobilisation").isEmpty()))) {
            s.counting.reset();
            call.run();
            counts.add(s.counting.count());
        }
        return counts;
    }

    @Test
    public void eachFunctionCostsTheSameNumberOfStatementsForASmallAndALargeCycle() throws Exception {
        List<Integer> small;
        List<Integer> large;
        try (Scenario s = new Scenario(6, 0)) {
            small = statements(s);
        }
        try (Scenario s = new Scenario(300, 40)) {
            large = statements(s);
        }
        assertEquals("queue, overdue, KEV, stage: 7 findings, 3 issues vs 301 findings, 43 issues", small, large);
        for (int count : small) {
            assertTrue(small.toString(), count <= 6);
        }
        System.out.printf("[ctem] %s JQL functions' statements (ctemQueue, ctemOverdue, ctemKev, ctemStage): %s, for"
                + " 7 findings with 3 issues and for 301 with 43%n", database, small);
    }
}
