package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
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
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.ObservationBuilder;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.TestDatabase;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A cycle of the SEC project with {@code others} findings besides the mobilised Log4Shell one (its title and
 * the texts around it hostile), on a real database, rendered through Velocity configured as Jira's; shared by the panel's template
 * tests and its browser test.
 */
final class PanelScenario implements AutoCloseable {

    static final String CYCLE = "CTEM-2026-Q4";
    static final String HOSTILE_TITLE = "<script>alert('title')</script> Log4Shell";
    static final String HOSTILE_STEP = "\"><img src=x onerror=alert('step')> rescan";
    static final String HOSTILE_NOTES = "<iframe src=//evil></iframe> reproduced";
    static final String HOSTILE_REASON = "<b onmouseover=alert('reason')>change freeze</b>";

    final TestDatabase database;
    final FakeJira jira;
    final CountingDataSource counting = new CountingDataSource();
    final TestDatabase.Opened opened;
    final MutableClock clock = MutableClock.on("2026-10-10");
    final CtemPermissions permissions;
    final CtemServices services;
    final MobilisedIssueCondition condition;
    final PrioritisationPanelContextProvider provider;
    private final JiraVelocity velocity = new JiraVelocity(Descriptor.load().allowlist());
    final String log4shell;
    final RegisterEntry mobilised;

    PanelScenario(TestDatabase database, FakeJira jira, int others) throws Exception {
        this.database = database;
        this.jira = jira;
        this.opened = database.open(EmbeddedDatabase.Options.app().withDataSourceWrapper(counting::wrap));
        this.permissions = new CtemPermissions(jira.globalPermissions, jira.permissions, jira.groups,
                jira.projectManager, jira.roles, jira.userManager, new CtemSettings(jira.settingsFactory));
        this.services = new CtemServices(opened.database().activeObjects(), permissions,
                new LocalIssueTracker("SEC"), clock);
        this.condition = new MobilisedIssueCondition(services, permissions);
        this.provider = new PrioritisationPanelContextProvider(services, permissions, jira.authentication);
        String lead = jira.lead.getKey();
        var record = services.record();
        record.cycles().create(new CycleDraft(CYCLE, "Q4 payments", "Cut KEV exposure", "2026-10-01",
                "2026-12-31", "14", "SEC"), lead);
        record.cycles().recordScope(CYCLE, new ScopeDraft(null, "No KEV past due", null, null, null), lead);
        record.scope().add(CYCLE, new SurfaceDraft("PAY", "Payments", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable critical", List.of("host:*.pay.example.com")),
                lead);
        ImportPlan plan = record.discovery().plan(CYCLE, null, List.of("PAY"));
        plan.add(ObservationBuilder.nessus().host("api.pay.example.com").ruleId("156032")
                .cves("CVE-2021-44228").vectors("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                .title(HOSTILE_TITLE).build());
        for (int i = 0; i < others; i++) {
            plan.add(ObservationBuilder.nessus().host("h" + i + ".pay.example.com").ruleId("2000" + i % 5)
                    .title("Finding " + i).build());
        }
        record.intake().take(CYCLE, record.discovery().record(plan, new RunRequest("nessus", "weekly.nessus",
                String.format("%064x", others), null, null, null, null, lead, true, List.of())), lead);
        record.queue().prioritise(CYCLE, PriorityPolicy.defaults(), epss(), kev(), lead);
        log4shell = record.queue().queue(CYCLE).get(0).findingKey();
        clock.setDay("2026-10-12");
        record.validation().record(CYCLE, log4shell, new ValidationDraft("exploit-reproduction",
                "exploitable-confirmed", HOSTILE_NOTES, List.of("PT-7")), lead);
        mobilised = record.mobilisation().mobilise(CYCLE, log4shell, new MobilisationDraft("dave", "2026-11-30",
                "CHG-42", "", HOSTILE_STEP, HOSTILE_REASON), lead);
        // a second mobilised issue, so that the lookup has to tell issues apart
        record.mobilisation().mobilise(CYCLE, record.queue().queue(CYCLE).get(1).findingKey(),
                new MobilisationDraft("erin", "2026-12-15", "", "", "retest", ""), lead);
    }

    String render(ApplicationUser user, Issue issue) {
        jira.logIn(user);
        Map<String, Object> context = new HashMap<>(Map.of("issue", issue));
        Map<String, Object> values = provider.getContextMap(context);
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn("/jira");
        values.put("req", request);
        values.put("i18n", new PropertiesI18n());
        return velocity.render("templates/panel/prioritisation.vm", values);
    }

    @Override
    public void close() throws Exception {
        services.close();
        opened.close();
    }

    static org.ctemcycles.core.scoring.epss.EpssFeed epss() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/epss_scores-2026-10-09.csv"))) {
            return new EpssCsvReader().read(in, "epss_scores-2026-10-09.csv", Instant.parse("2026-10-10T00:00:00Z"));
        }
    }

    static org.ctemcycles.core.scoring.kev.KevCatalog kev() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("demo/feeds/known_exploited_vulnerabilities.json"))) {
            return new KevJsonReader().read(in, "known_exploited_vulnerabilities.json",
                    Instant.parse("2026-10-10T00:00:00Z"));
        }
    }

    static Issue issue(long id, String key) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        return issue;
    }
}
