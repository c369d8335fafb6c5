package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;
import jakarta.servlet.http.HttpServletRequest;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.report.view.PrioritisationPanelView;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.TestDatabase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The prioritisation panel of a mobilised cycle on a real database (H2 and PostgreSQL): the condition shows it only
 * on issues mobilised from a cycle and only to users who may read the cycle's work, the context provider builds it
 * from the record, the template (Velocity configured as Jira's, the allowlist enforced) renders every part with
 * hostile text inert, and building it costs the same number of SQL statements for a small and a large cycle.
 */
@RunWith(Parameterized.class)
public class PrioritisationPanelTest {

    private static final String CYCLE = PanelScenario.CYCLE;
    private static final String HOSTILE_TITLE = PanelScenario.HOSTILE_TITLE;
    private static final String HOSTILE_STEP = PanelScenario.HOSTILE_STEP;
    private static final String HOSTILE_NOTES = PanelScenario.HOSTILE_NOTES;
    private static final String HOSTILE_REASON = PanelScenario.HOSTILE_REASON;

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private final FakeJira jira = new FakeJira();

    public PrioritisationPanelTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    public void thePanelShowsOnlyOnIssuesMobilisedFromACycleAndOnlyToThoseWhoMayReadItsWork() throws Exception {
        try (PanelScenario scenario = new PanelScenario(database, jira, 3)) {
            Issue issue = PanelScenario.issue(10100, scenario.mobilised.trackerIssue());
            JiraHelper helper = new JiraHelper();
            for (ApplicationUser user : List.of(jira.engineer, jira.lead, jira.auditor, jira.admin)) {
                assertTrue(user.getUsername(), scenario.condition.shouldDisplay(user, issue, helper));
            }
            assertFalse("no role in the cycle", scenario.condition.shouldDisplay(jira.outsider, issue, helper));
            assertFalse("anonymous", scenario.condition.shouldDisplay(null, issue, helper));
            assertFalse("an issue no finding was mobilised into",
                    scenario.condition.shouldDisplay(jira.engineer, PanelScenario.issue(10999, "SEC-999"), helper));
            // the context provider checks on its own: no view, so the template writes nothing
            assertEquals("", scenario.render(jira.outsider, issue).trim());
            assertEquals("", scenario.render(jira.engineer, PanelScenario.issue(10999, "SEC-999")).trim());
        }
    }

    @Test
    public void everyPartOfThePanelIsRenderedAndHostileTextComesOutInert() throws Exception {
        try (PanelScenario scenario = new PanelScenario(database, jira, 3)) {
            scenario.clock.setDay("2026-11-20");
            String html = scenario.render(jira.engineer, PanelScenario.issue(10100, scenario.mobilised.trackerIssue()));
            for (String hostile : List.of(HOSTILE_TITLE, HOSTILE_STEP, HOSTILE_NOTES, HOSTILE_REASON)) {
                assertFalse(hostile + " came out as markup:\n" + html, html.contains(hostile));
            }
            for (String tag : List.of("<script", "<img", "<iframe", "<b ")) {
                assertFalse(tag + " in:\n" + html, html.contains(tag));
            }
            assertTrue(html, html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Log4Shell"));
            assertTrue(html, html.contains("&quot;&gt;&lt;img src=x onerror=alert(&#39;step&#39;)&gt; rescan"));
            assertTrue(html, html.contains("&lt;b onmouseover=alert(&#39;reason&#39;)&gt;change freeze&lt;/b&gt;"));

            // rank and score with the tier; each factor with its source and contribution; the rationale
            assertTrue(html, html.contains("Rank 1 of 4 in " + CYCLE));
            assertTrue(html, html.contains("id=\"ctem-panel-tier\">Critical</span>"));
            assertTrue(html, html.contains("<td>in CISA KEV (CVE-2021-44228, added 2021-12-10, due 2021-12-24)</td>"
                    + "<td>KEV 2025.08.25, 2025-08-25T17:04:19.979600Z</td><td class=\"ctem-panel-points\">+25.0</td>"));
            assertTrue(html, html.contains("<td>EPSS 0.94358 (percentile 0.99962) for CVE-2021-44228</td>"));
            assertTrue(html, html.matches("(?s).*id=\"ctem-panel-rationale\">Critical \\(score \\d+\\.\\d, SSVC .*"));
            // the deadline in force (the register's, later than the policy's KEV due date) counted down from today
            assertTrue(html, html.contains("<strong>2026-11-30</strong>"));
            assertTrue(html, html.contains(">10 days left</span>"));
            assertTrue(html, html.contains("Set at mobilisation by " + jira.lead.getKey() + "."));
            assertTrue(html, html.contains("id=\"ctem-panel-later-than-policy\""));
            assertTrue(html, html.contains("The policy sets 2021-12-24."));
            // SSVC, KEV and EPSS with their feeds' dates; KEV stale when ranked, EPSS stale by now
            assertTrue(html, html.contains("<dt>SSVC</dt><dd>"));
            assertTrue(html, html.contains("KEV 2025.08.25 of 2025-08-25T17:04:19.979600Z"));
            assertTrue(html, html.contains("EPSS v2026.06.15 of 2026-10-09T12:55:00Z"));
            assertEquals(html, 2, html.split("ctem-stale\">Stale", -1).length - 1);
            assertTrue(html, html.contains("When ranked: stale: 410 days old, policy allows 30"));
            assertTrue(html, html.contains("Today: stale: 41 days old, policy allows 3"));
            // validation records are evidence: engineers are told so and see none of them
            assertTrue(html, html.contains("id=\"ctem-panel-validation-restricted\""));
            assertFalse(html, html.contains("reproduced"));
            // the register status and the verification step, the links
            assertTrue(html, html.contains("<dt>Owner</dt><dd>dave</dd>"));
            assertTrue(html, html.contains("<dt>Change record</dt><dd>CHG-42</dd>"));
            assertTrue(html, html.contains("href=\"/jira/rest/ctem/1.0/cycles/" + CYCLE + "/findings/"
                    + scenario.log4shell + "\""));
            assertTrue(html, html.contains("href=\"/jira/rest/ctem/1.0/cycles/" + CYCLE + "/queue\""));
            assertFalse("engineers do not read the evidence pack", html.contains("evidence.html"));
            assertFalse("every reference resolved:\n" + html, html.contains("$panel") || html.contains("$i18n"));
        }
    }

    @Test
    public void securityLeadsAndAuditorsSeeTheValidationHistoryAndTheLinkToTheCycleReport() throws Exception {
        try (PanelScenario scenario = new PanelScenario(database, jira, 3)) {
            Issue issue = PanelScenario.issue(10100, scenario.mobilised.trackerIssue());
            for (ApplicationUser user : List.of(jira.lead, jira.auditor)) {
                String html = scenario.render(user, issue);
                assertTrue(html, html.contains("href=\"/jira/rest/ctem/1.0/cycles/" + CYCLE + "/evidence.html\""));
                assertTrue(html, html.contains("<td>2026-10-12<br/><small>" + CYCLE + "</small></td>"
                        + "<td>Exploit reproduction<br/><small>" + jira.lead.getKey() + "</small></td>"
                        + "<td>Exploitable (confirmed)<br/><small>Open</small>"));
                assertTrue(html, html.contains("&lt;iframe src=//evil&gt;&lt;/iframe&gt; reproduced"));
                assertFalse(html, html.contains(HOSTILE_NOTES) || html.contains("<iframe"));
                // validated after the ranking: the panel says the decision's factors predate it
                assertTrue(html, html.contains("Validated on 2026-10-12, after this decision"));
            }
        }
    }

    /** What the condition and the context provider cost together for a user opening the issue. */
    private int statements(PanelScenario scenario, ApplicationUser user) {
        Issue issue = PanelScenario.issue(10100, scenario.mobilised.trackerIssue());
        jira.logIn(user);
        scenario.counting.reset();
        assertTrue(scenario.condition.shouldDisplay(user, issue, new JiraHelper()));
        PrioritisationPanelView view = scenario.provider.panel(issue, user).orElseThrow();
        assertEquals(1, view.getRank());
        return scenario.counting.count();
    }

    @Test
    public void thePanelCostsTheSameNumberOfStatementsForASmallAndALargeCycle() throws Exception {
        int[] small = new int[2];
        List<String> smallSql;
        try (PanelScenario scenario = new PanelScenario(database, jira, 3)) {
            small[0] = statements(scenario, jira.engineer);
            small[1] = statements(scenario, jira.lead);
            smallSql = scenario.counting.statements();
            assertEquals(4, scenario.provider.panel(PanelScenario.issue(10100, scenario.mobilised.trackerIssue()), jira.engineer)
                    .orElseThrow().getQueueLength());
        }
        int[] large = new int[2];
        try (PanelScenario scenario = new PanelScenario(database, jira, 400)) {
            large[0] = statements(scenario, jira.engineer);
            large[1] = statements(scenario, jira.lead);
            assertEquals(401, scenario.provider.panel(PanelScenario.issue(10100, scenario.mobilised.trackerIssue()),
                    jira.engineer).orElseThrow().getQueueLength());
        }
        assertEquals("an engineer's statements", small[0], large[0]);
        assertEquals("a lead's statements: " + smallSql, small[1], large[1]);
        // the command line's tracker names issues by key: each of the two lookups (condition, panel) asks the tracker
        // links by the id, then by the key, then reads the linked entries (ADR 054); the finding's last sighting is
        // its newest signal, one indexed query of its own
        assertTrue("engineer: condition 4 + panel 9 at most: " + smallSql, small[0] <= 13);
        assertTrue("lead: the same + the validations, at most 14: " + smallSql, small[1] <= 14);
        System.out.printf("[ctem] %s prioritisation panel (condition + context provider): %d statements for an"
                + " engineer, %d for a security lead, for 4 and for 401 findings%n", database, small[0], small[1]);
    }
}
