package org.ctemcycles.jira.admin;

import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraVelocity;
import org.ctemcycles.testing.PropertiesI18n;
import org.ctemcycles.testing.RecordingWebResourceManager;
import org.ctemcycles.testing.JiraAppRule;
import org.junit.Rule;
import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * templates/admin/cycles.vm rendered by a real Velocity engine configured like Jira's (HTML escaping, allowlist),
 * with the real action behind it: hostile text stays inert and every call is allowlisted.
 */
public class CyclesTemplateTest {

    private static final String HOSTILE_NAME = "<script>alert(1)</script>";
    private static final String HOSTILE_OBJECTIVE = "\"><img src=x onerror=alert(2)>";
    /** What Jira puts in every webwork view's context as $atl_token. */
    private static final String TOKEN = "b1a2c3d4-token";

    @Rule
    public final JiraAppRule app = new JiraAppRule();
    private final FakeJira jira = app.jira;
    private final JiraVelocity velocity = new JiraVelocity(Descriptor.load().allowlist());

    private TestableCycleAdminAction action() {
        return new TestableCycleAdminAction(app.services(), app.permissions(), app.settings(), jira.authentication);
    }

    /** Renders the page as Jira does for the action's "input" view; a call missing from the allowlist fails it. */
    private String render(CycleAdminAction action) {
        RecordingWebResourceManager webResourceManager = new RecordingWebResourceManager();
        String html = velocity.render("templates/admin/cycles.vm", Map.of("action", action,
                "i18n", new PropertiesI18n(), "webResourceManager", webResourceManager, "atl_token", TOKEN));
        assertEquals(List.of("org.ctemcycles.ctem-cycles-jira:ctem-admin-resources"), webResourceManager.required());
        for (String unresolved : List.of("$action", "$i18n", "$cycle", "$webResourceManager", "$error", "$project",
                "$atl_token")) {
            assertFalse("unrendered reference " + unresolved + " in:\n" + html, html.contains(unresolved));
        }
        return html;
    }

    @Test
    public void hostileCycleTextIsRenderedInert() {
        app.services().cycles().create(new CycleDraft("CTEM-1", HOSTILE_NAME, HOSTILE_OBJECTIVE, "2026-07-01", "2026-09-30", ""),
                "lead");
        jira.logIn(jira.lead);
        CycleAdminAction action = action();
        action.doDefault();

        String html = render(action);
        assertFalse(html, html.contains(HOSTILE_NAME));
        assertFalse(html, html.contains("<img"));
        assertTrue(html, html.contains("<td class=\"ctem-name\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
        assertTrue(html, html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    }

    @Test
    public void hostileInputEchoedBackIntoTheFormCannotBreakOutOfItsAttribute() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction action = action();
        action.setKey("\" autofocus onfocus=\"alert(3)");
        action.setName(HOSTILE_NAME);
        action.setStart("2026-07-01");
        action.setPlannedEnd("2026-09-30");
        assertEquals("input", action.doExecute());

        String html = render(action);
        assertTrue(html, html.contains("value=\"&quot; autofocus onfocus=&quot;alert(3)\""));
        assertTrue(html, html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(html, html.contains("id=\"ctem-error-key\""));
        assertFalse(html, html.contains(HOSTILE_NAME));
    }

    @Test
    public void cyclesAreListedWithTheirProjectAndCadenceAndBothFormsCarryJirasXsrfToken() {
        app.services().cycles().create(new CycleDraft("CTEM-2026-Q3", "Q3 payments", "Cut KEV exposure", "2026-07-01",
                "2026-09-30", "21", "SEC"), "lead");
        app.services().cycles().create(new CycleDraft("CTEM-2026-Q4", "Q4", "", "2026-10-01", "2026-12-31", ""),
                "lead");
        jira.logIn(jira.admin);
        CycleAdminAction action = action();
        action.doDefault();

        String html = render(action);
        assertTrue(html, html.contains("<tr data-cycle-key=\"CTEM-2026-Q3\">"));
        assertTrue(html, html.contains("<td class=\"ctem-project\">SEC</td>"));
        assertTrue(html, html.contains("<td class=\"ctem-project\">(no project)</td>"));
        assertTrue(html, html.contains("<td>Scoping</td>"));
        assertTrue(html, html.contains("<td>2026-09-30</td>"));
        assertTrue(html, html.contains("<td>21</td>"));
        String token = "<input type=\"hidden\" name=\"atl_token\" value=\"" + TOKEN + "\"/>";
        assertEquals("the create form and the settings form", 2, html.split(token, -1).length - 1);
        assertTrue(html, html.contains("<meta name=\"decorator\" content=\"admin\"/>"));
    }

    @Test
    public void aSecurityLeadWhoIsNoAdministratorGetsJirasOrdinaryPageWithoutTheSettings() {
        jira.logIn(jira.lead);
        CycleAdminAction action = action();
        assertEquals("input", action.doDefault());

        String html = render(action);
        assertFalse("only administrators see the settings form", html.contains("id=\"ctem-settings\""));
        assertFalse("no administration decorator", html.contains("name=\"decorator\""));
        assertTrue(html, html.contains("<option value=\"\">(no project)</option>"));
        assertTrue(html, html.contains("<option value=\"SEC\">SEC: Security</option>"));
        assertTrue(html, html.contains("<option value=\"OPS\">OPS: Operations</option>"));
    }

    @Test
    public void aProjectLeadChoosesAmongTheirProjectsOnlyAndTheChoiceIsKeptOnError() {
        app.settings().setSecurityLeadRole(FakeJira.LEAD_ROLE);
        jira.logIn(jira.projectLead);
        TestableCycleAdminAction action = action();
        action.setKey("SEC-1");
        action.setProjectKey("SEC");
        assertEquals("input", action.doExecute());

        String html = render(action);
        assertTrue(html, html.contains("<option value=\"SEC\" selected=\"selected\">SEC: Security</option>"));
        assertFalse(html, html.contains("OPS"));
        assertFalse(html, html.contains("(no project)</option>"));
    }

    @Test
    public void emptyPageSaysSoAndAdministratorsSeeTheRoleSettings() {
        app.settings().setSecurityLeadRole(FakeJira.LEAD_ROLE);
        jira.logIn(jira.admin);
        CycleAdminAction action = action();
        action.doDefault();

        String html = render(action);
        assertTrue(html, html.contains("No CTEM cycle has been opened yet."));
        assertTrue(html, html.contains("id=\"ctem-settings\""));
        assertTrue(html, html.contains("name=\"securityLeadGroups\">ctem-security-leads</textarea>"));
        assertTrue(html, html.contains("value=\"" + FakeJira.LEAD_ROLE + "\""));
        assertTrue(html, html.contains("name=\"auditorGroups\">ctem-auditors</textarea>"));
    }

    @Test
    public void referencesEndingInHtmlAreTheOnlyOnesLeftUnescaped() {
        String html = velocity.render("templates/test/escaping.vm",
                Map.of("plain", "<b>x</b>", "trustedHtml", "<b>y</b>"));
        assertEquals("&lt;b&gt;x&lt;/b&gt;|<b>y</b>", html.trim());
    }
}
