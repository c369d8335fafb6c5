package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.JiraAppRule;
import org.junit.Rule;
import org.junit.Test;

import java.lang.reflect.Method;
import java.util.List;

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
        assertEquals("ctem-security-leads", action.getSecurityLeadGroup());
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
    public void onlyAnAdministratorChangesTheSecurityLeadGroup() {
        jira.logIn(jira.lead);
        TestableCycleAdminAction byLead = action();
        byLead.setSecurityLeadGroup("everyone");
        assertEquals(JiraWebActionSupport.PERMISSION_VIOLATION_RESULT, byLead.doSaveSettings());
        assertEquals("ctem-security-leads", app.settings().securityLeadGroup());

        jira.logIn(jira.admin);
        TestableCycleAdminAction byAdmin = action();
        byAdmin.setSecurityLeadGroup("  appsec-leads ");
        assertEquals("none", byAdmin.doSaveSettings());
        assertEquals("CtemCycles!default.jspa?settingsSaved=true", byAdmin.redirectedTo);
        assertEquals("appsec-leads", app.settings().securityLeadGroup());
    }

    @Test
    public void blankSecurityLeadGroupIsRejected() {
        jira.logIn(jira.admin);
        TestableCycleAdminAction action = action();
        action.setSecurityLeadGroup(" ");
        assertEquals("input", action.doSaveSettings());
        assertEquals("is required (the name of a Jira group)", action.getFieldError("securityLeadGroup"));
        assertEquals("ctem-security-leads", app.settings().securityLeadGroup());
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
