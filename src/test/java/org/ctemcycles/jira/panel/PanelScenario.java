package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;
import jakarta.servlet.http.HttpServletRequest;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.testing.CountingDataSource;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.MutableClock;
import org.ctemcycles.testing.PaymentsCycle;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.TestDatabase;

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

    static final String CYCLE = PaymentsCycle.CYCLE;
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
        log4shell = PaymentsCycle.prioritised(record, lead, HOSTILE_TITLE, others).get(0).findingKey();
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

    static Issue issue(long id, String key) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        return issue;
    }
}
