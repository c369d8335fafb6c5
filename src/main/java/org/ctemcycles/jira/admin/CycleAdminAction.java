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
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.report.view.CycleView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CTEM cycles page ({@code /secure/CtemCycles!default.jspa}), reached from Jira administration: lists cycles,
 * opens a new one, and lets a Jira administrator name the security-lead group. Every command checks permission on
 * the server; the two POST commands require Jira's XSRF token and redirect after success (post/redirect/get).
 */
public class CycleAdminAction extends JiraWebActionSupport {

    static final String PAGE = "CtemCycles!default.jspa";

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final CtemSettings settings;
    private final JiraAuthenticationContext authentication;

    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private List<CycleView> cycles;
    private String key;
    private String name;
    private String objective;
    private String start;
    private String plannedEnd;
    private String checkpointIntervalDays;
    private String securityLeadGroup;
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
        if (!permissions.isSecurityLead(user())) {
            return PERMISSION_VIOLATION_RESULT;
        }
        securityLeadGroup = settings.securityLeadGroup();
        return INPUT;
    }

    /** Opens a cycle from the form. */
    @Override
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    protected String doExecute() {
        if (!permissions.isSecurityLead(user())) {
            return PERMISSION_VIOLATION_RESULT;
        }
        securityLeadGroup = settings.securityLeadGroup();
        try {
            String createdKey = services.cycles()
                    .create(new CycleDraft(key, name, objective, start, plannedEnd, checkpointIntervalDays),
                            user().getKey())
                    .key();
            return getRedirect(PAGE + "?created=" + URLEncoder.encode(createdKey, StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
    }

    /** Names the security-lead group; Jira administrators only. */
    @RequiresXsrfCheck
    @SupportedMethods({RequestMethod.POST})
    public String doSaveSettings() {
        if (!permissions.isAdministrator(user())) {
            return PERMISSION_VIOLATION_RESULT;
        }
        try {
            settings.setSecurityLeadGroup(securityLeadGroup);
            return getRedirect(PAGE + "?settingsSaved=true");
        } catch (InvalidInputException e) {
            record(e);
            return INPUT;
        }
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

    /** Read once per request (an action instance serves one request). */
    public List<CycleView> getCycles() {
        if (cycles == null) {
            cycles = services.cycles().list().stream().map(CycleView::new).toList();
        }
        return cycles;
    }

    public int getCycleCount() {
        return getCycles().size();
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

    public String getSecurityLeadGroup() {
        return securityLeadGroup;
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

    public void setSecurityLeadGroup(String securityLeadGroup) {
        this.securityLeadGroup = securityLeadGroup;
    }

    public void setCreated(String created) {
        this.created = created;
    }

    public void setSettingsSaved(boolean settingsSaved) {
        this.settingsSaved = settingsSaved;
    }
}
