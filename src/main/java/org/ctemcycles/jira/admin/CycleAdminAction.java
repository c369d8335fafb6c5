package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.security.xsrf.RequiresXsrfCheck;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.AccessDeniedException;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.report.view.CycleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CTEM cycles page ({@code /secure/CtemCycles!default.jspa}) for security leads, whether or not they administer
 * Jira: lists the cycles the user may see with their Jira project, and opens a new cycle in a project the user may
 * open cycles in. Jira administrators also set who holds which role there. Every command checks permission on the
 * server through {@link CtemPermissions}; a user the page is not for gets Jira's permission page (the
 * {@code permissionviolation} view of the descriptor). The POST commands require Jira's XSRF token and redirect after
 * success (post/redirect/get).
 */
public class CycleAdminAction extends JiraWebActionSupport {

    static final String PAGE = "CtemCycles!default.jspa";
    private static final Logger LOG = LoggerFactory.getLogger(CycleAdminAction.class);

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final CtemSettings settings;
    private final JiraAuthenticationContext authentication;

    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private List<CycleView> cycles;
    private List<ProjectChoice> projects;
    private String key;
    private String name;
    private String objective;
    private String start;
    private String plannedEnd;
    private String checkpointIntervalDays;
    private String projectKey;
    private String securityLeadGroups;
    private String securityLeadRole;
    private String auditorGroups;
    private String created;
    private boolean settingsSaved;

    @Inject
    public CycleAdminAction(CtemServices services, CtemPermissions permissions, CtemSettings settings,
                            @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.settings = settings;
        this.authentication = authentication;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        if (!permissions.leadsAnywhere(user())) {
            return denied("use the CTEM cycles page");
        }
        showSettings();
        return INPUT;
    }

    /** Opens a cycle from the form, in the chosen Jira project (which must exist and be one the user may use). */
    @Override
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    protected String doExecute() {
        if (!permissions.leadsAnywhere(user())) {
            return denied("open a CTEM cycle");
        }
        showSettings();
        try {
            String project = permissions.existingProject(projectKey);
            permissions.checkOpen(user(), project);
            String createdKey = services.cycles()
                    .create(new CycleDraft(key, name, objective, start, plannedEnd, checkpointIntervalDays, project),
                            user().getKey())
                    .key();
            return getRedirect(PAGE + "?created=" + URLEncoder.encode(createdKey, StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        } catch (AccessDeniedException e) {
            return PERMISSION_VIOLATION_RESULT; // logged by CtemPermissions
        }
    }

    /** Names who holds which role (lead groups, lead project role, auditor groups); Jira administrators only. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSaveSettings() {
        if (!permissions.isAdministrator(user())) {
            return denied("change the CTEM settings");
        }
        try {
            if (securityLeadRole != null && !securityLeadRole.isBlank()
                    && !permissions.projectRoleExists(securityLeadRole)) {
                throw new InvalidInputException("securityLeadRole",
                        "Jira has no project role named '" + securityLeadRole.trim() + "'");
            }
            settings.update(lines(securityLeadGroups), securityLeadRole, lines(auditorGroups));
            LOG.info("CTEM settings changed by {}: security-lead groups {}, lead project role '{}', auditor groups {}",
                    user().getKey(), settings.securityLeadGroups(), settings.securityLeadRole(),
                    settings.auditorGroups());
            return getRedirect(PAGE + "?settingsSaved=true");
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
    }

    private String denied(String what) {
        ApplicationUser user = user();
        LOG.info("CTEM permission denied: user {} may not {}", user == null ? "(anonymous)" : user.getKey(), what);
        return PERMISSION_VIOLATION_RESULT;
    }

    /** The stored settings, unless the form being redisplayed carries the administrator's own input. */
    private void showSettings() {
        securityLeadGroups = String.join("\n", settings.securityLeadGroups());
        securityLeadRole = settings.securityLeadRole();
        auditorGroups = String.join("\n", settings.auditorGroups());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).toList();
    }

    private void record(InvalidInputException e) {
        for (Problem problem : e.problems()) {
            fieldErrors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
        }
    }

    private ApplicationUser user() {
        return authentication.getLoggedInUser();
    }

    // ----- read by templates/admin/cycles.vm (each getter is on the velocity allowlist) -----

    /** The cycles the user may see; read once per request (an action instance serves one request). */
    public List<CycleView> getCycles() {
        if (cycles == null) {
            cycles = permissions.visible(user(), services.cycles().list()).stream().map(CycleView::new).toList();
        }
        return cycles;
    }

    public int getCycleCount() {
        return getCycles().size();
    }

    /** The Jira projects the user may open a cycle in, for the form's choice. */
    public List<ProjectChoice> getProjects() {
        if (projects == null) {
            projects = permissions.projectsToOpenCyclesIn(user()).stream().map(ProjectChoice::new).toList();
        }
        return projects;
    }

    /** Whether the user may open a cycle that belongs to no Jira project (administrators and lead groups). */
    public boolean isMayOpenWithoutProject() {
        return permissions.isSecurityLead(user());
    }

    public boolean isAdministrator() {
        return permissions.isAdministrator(user());
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty();
    }

    /** The problem with one form field, or null. */
    public String getFieldError(String field) {
        return fieldErrors.get(field);
    }

    /** Every problem of the last submit as "field: message", in form order. */
    public List<String> getErrorSummary() {
        return fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getObjective() {
        return objective;
    }

    public String getStart() {
        return start;
    }

    public String getPlannedEnd() {
        return plannedEnd;
    }

    public String getCheckpointIntervalDays() {
        return checkpointIntervalDays;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public String getSecurityLeadGroups() {
        return securityLeadGroups;
    }

    public String getSecurityLeadRole() {
        return securityLeadRole;
    }

    public String getAuditorGroups() {
        return auditorGroups;
    }

    public String getCreated() {
        return created;
    }

    public boolean isSettingsSaved() {
        return settingsSaved;
    }

    // ----- form parameters, bound by webwork -----

    public void setKey(String key) {
        this.key = key;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public void setPlannedEnd(String plannedEnd) {
        this.plannedEnd = plannedEnd;
    }

    public void setCheckpointIntervalDays(String checkpointIntervalDays) {
        this.checkpointIntervalDays = checkpointIntervalDays;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public void setSecurityLeadGroups(String securityLeadGroups) {
        this.securityLeadGroups = securityLeadGroups;
    }

    public void setSecurityLeadRole(String securityLeadRole) {
        this.securityLeadRole = securityLeadRole;
    }

    public void setAuditorGroups(String auditorGroups) {
        this.auditorGroups = auditorGroups;
    }

    public void setCreated(String created) {
        this.created = created;
    }

    public void setSettingsSaved(boolean settingsSaved) {
        this.settingsSaved = settingsSaved;
    }
}
