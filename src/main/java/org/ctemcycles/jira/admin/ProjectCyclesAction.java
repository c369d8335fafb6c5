package org.ctemcycles.jira.admin;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.web.action.JiraWebActionSupport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.report.view.CycleView;
import org.ctemcycles.report.view.RegisterSummary;

import java.time.LocalDate;
import java.util.List;

/**
 * A Jira project's CTEM cycles ({@code /secure/CtemProjectCycles.jspa?projectKey=P}), linked from the project's
 * sidebar: each cycle of the project the user may see, with its stage, dates, the register entries still needing
 * work (and how many of them are overdue) and the next checkpoint, linked to the cycle's page. Read only. The
 * register is counted a page at a time (bounded memory, one pass per cycle). Users who may see no cycle of the
 * project and may not open one there get Jira's permission page.
 */
public class ProjectCyclesAction extends JiraWebActionSupport {

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final JiraAuthenticationContext authentication;

    private String projectKey;
    private Project project;
    private List<ProjectCycleRow> cycles = List.of();
    private boolean mayOpen;

    @Inject
    public ProjectCyclesAction(CtemServices services, CtemPermissions permissions,
                               @ComponentImport JiraAuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.authentication = authentication;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    public String doDefault() {
        ApplicationUser user = authentication.getLoggedInUser();
        project = permissions.project(projectKey);
        if (user == null || project == null) {
            return PERMISSION_VIOLATION_RESULT; // an unknown project is not disclosed either
        }
        List<Cycle> visible = permissions.visible(user, services.cycles().list()).stream()
                .filter(cycle -> cycle.projectKey().equals(project.getKey())).toList();
        mayOpen = permissions.projectsToOpenCyclesIn(user).stream().anyMatch(p -> p.getKey().equals(project.getKey()));
        if (visible.isEmpty() && !mayOpen) {
            return PERMISSION_VIOLATION_RESULT;
        }
        LocalDate today = LocalDate.now(services.record().clock());
        cycles = visible.stream().map(cycle -> row(cycle, today)).toList();
        return INPUT;
    }

    @Override
    @SupportedMethods({RequestMethod.GET})
    protected String doExecute() {
        return doDefault();
    }

    private ProjectCycleRow row(Cycle cycle, LocalDate today) {
        Iterable<RegisterEntry> register = services.record().pages().register(cycle.key());
        int open = 0;
        for (RegisterEntry entry : register) {
            if (entry.needsWork()) {
                open++;
            }
        }
        int overdue = RegisterSummary.of(register, today, 0).overdue();
        String next = services.record().checkpoints().schedule(cycle.key()).planned().stream()
                .filter(p -> p.status() == PlannedCheckpoint.Status.DUE || p.status() == PlannedCheckpoint.Status.UPCOMING)
                .map(p -> p.date().toString()).findFirst().orElse("");
        return new ProjectCycleRow(new CycleView(cycle), open, overdue, next);
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    // ----- read by templates/project/cycles.vm (each getter is on the velocity allowlist) -----

    public String getProjectKey() {
        return project == null ? "" : project.getKey();
    }

    public String getProjectName() {
        return project == null ? "" : project.getName();
    }

    public List<ProjectCycleRow> getCycles() {
        return cycles;
    }

    /** Whether the user may open a cycle in this project (the page links the cycles page's form). */
    public boolean isMayOpen() {
        return mayOpen;
    }
}
