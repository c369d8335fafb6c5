package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.report.view.CycleView;
import org.ctemcycles.testing.Descriptor;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraAppRule;
import org.junit.Rule;
import org.junit.Test;
import org.w3c.dom.Element;
import webwork.action.Action;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The CTEM cycles page's action over mocked Jira services and a real cycle service on H2. */
public class CycleAdminActionTest {

    @Rule
    public final JiraAppRule app = new JiraAppRule();
    private final FakeJira jira = app.jira;

    private TestableCycleAdminAction action() {
        return new TestableCycleAdminAction(app.services(), app.permissions(), app.settings(), jira.authentication);
    }

    private static TestableCycleAdminAction fill(TestableCycleAdminAction action, String key, String name) {
        action.setKey(key);
        action.setName(name);
        action.setObjective("Cut KEV exposure");
        action.setStart("2026-07-01");
        action.setPlannedEnd("2026-09-30");
        action.setCheckpointIntervalDays("14");
        return action;
    }

    private int storedCycles() {
        return app.storedCycles();
    }

    @Test
    public void securityLeadSeesThePageWithTheConfiguredGroup() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction action = action();
        assertEquals("input", action.doDefault());
        assertEquals("ctem-security-leads", action.getSecurityLeadGroups());
        assertFalse(action.isAdministrator());
    }

    @Test
    public void engineerAndAnonymousGetAPermissionViolation() {
        jira.logIn(jira.engineer);
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, action().doDefault());
        jira.logIn(null);
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, action().doDefault());
    }

    @Test
    public void securityLeadOpensACycleAndIsRedirectedToThePage() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction action = fill(action(), "ctem-2026-q3", "Q3 payments");
        assertEquals("none", action.doExecute());
        assertEquals("CtemCycles!default.jspa?created=CTEM-2026-Q3", action.redirectedTo);
        assertEquals("JIRAUSER10100", app.services().cycles().get("CTEM-2026-Q3").createdBy());
    }

    @Test
    public void invalidFormStaysOnThePageWithFieldErrorsAndNothingStored() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction action = fill(action(), "CTEM-1", " ");
        action.setPlannedEnd("2026-06-01");
        assertEquals("input", action.doExecute());
        assertNull(action.redirectedTo);
        assertTrue(action.hasErrors());
        assertEquals("is required", action.getFieldError("name"));
        assertEquals("the planned end (2026-06-01) must be after the start (2026-07-01)", action.getFieldError("plannedEnd"));
        assertNull(action.getFieldError("key"));
        assertEquals(List.of("name: is required",
                "plannedEnd: the planned end (2026-06-01) must be after the start (2026-07-01)"), action.getErrorSummary());
        assertEquals("CTEM-1", action.getKey());
        assertEquals(0, storedCycles());
    }

    @Test
    public void engineerCannotOpenACycleByPostingTheForm() {
        jira.logIn(jira.engineer);
        TestableCycleAdminAction action = fill(action(), "CTEM-1", "sneaky");
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, action.doExecute());
        assertEquals(0, storedCycles());
    }

    @Test
    public void onlyAnAdministratorChangesTheRoles() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction byLead = action();
        byLead.setSecurityLeadGroups("everyone");
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, byLead.doSaveSettings());
        assertEquals(List.of("ctem-security-leads"), app.settings().securityLeadGroups());

        jira.logIn(jira.admin);
        TestableCycleAdminAction byAdmin = action();
        byAdmin.setSecurityLeadGroups("  appsec-leads \r\nctem-security-leads\n\n");
        byAdmin.setSecurityLeadRole(FakeJira.LEAD_ROLE);
        byAdmin.setAuditorGroups("internal-audit");
        assertEquals("none", byAdmin.doSaveSettings());
        assertEquals("CtemCycles!default.jspa?settingsSaved=true", byAdmin.redirectedTo);
        assertEquals(List.of("appsec-leads", "ctem-security-leads"), app.settings().securityLeadGroups());
        assertEquals(FakeJira.LEAD_ROLE, app.settings().securityLeadRole());
        assertEquals(List.of("internal-audit"), app.settings().auditorGroups());
    }

    @Test
    public void rejectedSettingsChangeNothing() {
        jira.logIn(jira.admin);
        TestableCycleAdminAction blankLeads = action();
        blankLeads.setSecurityLeadGroups(" ");
        blankLeads.setAuditorGroups("internal-audit");
        assertEquals("input", blankLeads.doSaveSettings());
        assertEquals("is required (the name of a Jira group)", blankLeads.getFieldError("securityLeadGroups"));
        assertEquals(List.of("ctem-auditors"), app.settings().auditorGroups());

        TestableCycleAdminAction unknownRole = action();
        unknownRole.setSecurityLeadGroups("appsec-leads");
        unknownRole.setSecurityLeadRole("Security Leeds");
        assertEquals("input", unknownRole.doSaveSettings());
        assertEquals("Jira has no project role named 'Security Leeds'", unknownRole.getFieldError("securityLeadRole"));
        assertEquals("the administrator's input is shown again", "Security Leeds", unknownRole.getSecurityLeadRole());
        assertEquals(List.of("ctem-security-leads"), app.settings().securityLeadGroups());
        assertEquals("", app.settings().securityLeadRole());
    }

    @Test
    public void aProjectRoleLeadWhoIsNoAdministratorUsesThePageForTheirProject() {
        app.services().cycles().create(new CycleDraft("SEC-Q3", "Security", "", "2026-07-01", "2026-09-30", "",
                "SEC"), "lead");
        app.services().cycles().create(new CycleDraft("OPS-Q3", "Operations", "", "2026-07-01", "2026-09-30", "",
                "OPS"), "lead");
        jira.logIn(jira.projectLead);
        assertEquals("no lead role configured yet", JiraWebActionSupport.PERMISSION_VIOLATION_RESULT,
                action().doDefault());

        app.settings().setSecurityLeadRole(FakeJira.LEAD_ROLE);
        TestableCycleAdminAction page = action();
        assertEquals("input", page.doDefault());
        assertFalse(page.isAdministrator());
        assertEquals(List.of("SEC-Q3"), page.getCycles().stream().map(CycleView::getKey).toList());
        assertEquals(List.of("SEC"), page.getProjects().stream().map(ProjectChoice::getKey).toList());
        assertFalse("a project lead opens cycles in a project", page.isMayOpenWithoutProject());

        TestableCycleAdminAction open = fill(action(), "SEC-Q4", "Security Q4");
        open.setProjectKey("SEC");
        assertEquals("none", open.doExecute());
        assertEquals("SEC", app.services().cycles().get("SEC-Q4").projectKey());

        TestableCycleAdminAction elsewhere = fill(action(), "OPS-Q4", "Operations Q4");
        elsewhere.setProjectKey("OPS");
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, elsewhere.doExecute());
        assertEquals(3, storedCycles());
    }

    @Test
    public void aSecurityLeadPicksAnyProjectOrNoneAndAnUnknownProjectIsAFieldError() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction page = action();
        assertEquals("input", page.doDefault());
        assertEquals(List.of("OPS", "SEC"), page.getProjects().stream().map(ProjectChoice::getKey).toList());
        assertTrue(page.isMayOpenWithoutProject());

        TestableCycleAdminAction unknown = fill(action(), "CTEM-1", "Q3");
        unknown.setProjectKey("NOPE");
        assertEquals("input", unknown.doExecute());
        assertEquals("Jira has no project with key 'NOPE'", unknown.getFieldError("projectKey"));
        assertEquals("NOPE", unknown.getProjectKey());
        assertEquals(0, storedCycles());

        TestableCycleAdminAction ops = fill(action(), "CTEM-2", "Q3 operations");
        ops.setProjectKey("OPS");
        assertEquals("none", ops.doExecute());
        assertEquals("OPS", app.services().cycles().get("CTEM-2").projectKey());
        assertEquals("none", fill(action(), "CTEM-3", "no project").doExecute());
        assertEquals("", app.services().cycles().get("CTEM-3").projectKey());
    }

    /** Jira renders an action's result through the view the descriptor names for it; an undeclared one is a 404. */
    @Test
    public void everyResultTheActionReturnsHasAViewOrRedirects() {
        Set<String> views = declaredViews();
        List<String> results = new ArrayList<>();
        app.settings().setSecurityLeadRole(FakeJira.LEAD_ROLE);
        for (ApplicationUser user : List.of(jira.admin, jira.lead, jira.projectLead, jira.auditor, jira.engineer,
                jira.outsider)) {
            jira.logIn(user);
            results.add(action().doDefault());
            results.add(fill(action(), "", "").doExecute());
            results.add(fill(action(), "C-" + user.getUsername().replace("-", ""), "ok").doExecute());
            TestableCycleAdminAction elsewhere = fill(action(), "O-" + user.getUsername().replace("-", ""), "ops");
            elsewhere.setProjectKey("OPS");
            results.add(elsewhere.doExecute());
            results.add(action().doSaveSettings());
            TestableCycleAdminAction save = action();
            save.setSecurityLeadGroups("ctem-security-leads");
            results.add(save.doSaveSettings());
        }
        assertEquals(Set.of("input", "none", JiraWebActionSupport.PERMISSION_VIOLATION_RESULT), Set.copyOf(results));
        for (String result : results) {
            assertTrue(result + " has no view in atlassian-plugin.xml", result.equals(Action.NONE)
                    || views.contains(result));
        }
    }

    private static Set<String> declaredViews() {
        Element action = Descriptor.load().elements("action").stream()
                .filter(e -> e.getAttribute("alias").equals("CtemCycles")).findFirst().orElseThrow();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < action.getElementsByTagName("view").getLength(); i++) {
            names.add(((Element) action.getElementsByTagName("view").item(i)).getAttribute("name"));
        }
        return names;
    }

    @Test
    public void statesChangeOnlyThroughXsrfCheckedPosts() throws Exception {
        Method view = CycleAdminAction.class.getMethod("doDefault");
        assertArrayEquals(new RequestMethod[]{RequestMethod.GET}, view.getAnnotation(SupportedMethods.class).value());
        assertFalse(view.isAnnotationPresent(RequiresXsrfCheck.class));
        for (Method write : List.of(CycleAdminAction.class.getDeclaredMethod("doExecute"),
                CycleAdminAction.class.getMethod("doSaveSettings"))) {
            assertTrue(write.getName(), write.isAnnotationPresent(RequiresXsrfCheck.class));
            assertArrayEquals(write.getName(), new RequestMethod[]{RequestMethod.POST},
                    write.getAnnotation(SupportedMethods.class).value());
        }
    }
}
