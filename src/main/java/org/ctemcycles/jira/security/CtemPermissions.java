package org.ctemcycles.jira.security;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.security.roles.ProjectRole;
import com.atlassian.jira.security.roles.ProjectRoleManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one answer to "may this user do this to this cycle", used by every REST resource, page, panel and job. A
 * user's roles come from Jira (docs/permissions.md has the table):
 * <ul>
 *   <li><b>administrator</b>: Jira (or system) administrators; everything, the app's configuration included;</li>
 *   <li><b>security lead</b>: members of the configured security-lead groups (every cycle), or of the configured
 *       project role in the cycle's Jira project (that project's cycles); run cycles, open them, load feeds;</li>
 *   <li><b>auditor</b>: members of the configured auditor groups; read everything of every cycle, change nothing;</li>
 *   <li><b>engineer</b>: users who may browse the cycle's Jira project; read its findings, queue and register.</li>
 * </ul>
 * A cycle the user has no role in does not exist for them (404, like an issue they may not browse); a cycle they may
 * see but not change answers 403. Nothing is cached: every answer reads Jira's current groups, roles and
 * permissions and the app's settings, which every node shares.
 */
@Component
public class CtemPermissions implements SecurityLeads {

    private static final Logger LOG = LoggerFactory.getLogger(CtemPermissions.class);

    private final GlobalPermissionManager globalPermissions;
    private final PermissionManager permissions;
    private final GroupManager groups;
    private final ProjectManager projects;
    private final ProjectRoleManager roles;
    private final UserManager users;
    private final CtemSettings settings;

    @Inject
    public CtemPermissions(@ComponentImport GlobalPermissionManager globalPermissions,
                           @ComponentImport PermissionManager permissions, @ComponentImport GroupManager groups,
                           @ComponentImport ProjectManager projects, @ComponentImport ProjectRoleManager roles,
                           @ComponentImport UserManager users, CtemSettings settings) {
        this.globalPermissions = globalPermissions;
        this.permissions = permissions;
        this.groups = groups;
        this.projects = projects;
        this.roles = roles;
        this.users = users;
        this.settings = settings;
    }

    /** The user's roles in a cycle; empty for anonymous users and users with none. */
    public Set<Role> roles(ApplicationUser user, Cycle cycle) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        if (user == null) {
            return held;
        }
        if (isAdministrator(user)) {
            held.add(Role.ADMINISTRATOR);
        }
        Project project = cycle.projectKey().isEmpty() ? null : projects.getProjectByCurrentKey(cycle.projectKey());
        if (isGlobalLead(user) || project != null && holdsLeadRole(user, project)) {
            held.add(Role.SECURITY_LEAD);
        }
        if (inAny(user, settings.auditorGroups())) {
            held.add(Role.AUDITOR);
        }
        if (project != null && permissions.hasPermission(ProjectPermissions.BROWSE_PROJECTS, project, user)) {
            held.add(Role.ENGINEER);
        }
        return held;
    }

    /** Whether the user may do {@code access} to the cycle. */
    public boolean may(ApplicationUser user, CycleAccess access, Cycle cycle) {
        Set<Role> held = roles(user, cycle);
        return held.stream().anyMatch(role -> role.grants(access));
    }

    /**
     * Lets the request on, or refuses it: 401 for anonymous users, 404 when the user has no role in the cycle
     * (its existence is not disclosed), 403 when they may see it but not do this.
     */
    public void check(ApplicationUser user, CycleAccess access, Cycle cycle) {
        if (user == null) {
            throw AccessDeniedException.notLoggedIn();
        }
        Set<Role> held = roles(user, cycle);
        if (held.stream().anyMatch(role -> role.grants(access))) {
            return;
        }
        LOG.info("CTEM permission denied: user {} may not {} cycle {} (roles {})", user.getKey(), access, cycle.key(),
                held);
        if (held.stream().noneMatch(role -> role.grants(CycleAccess.VIEW))) {
            throw AccessDeniedException.notVisible(cycle.key());
        }
        throw AccessDeniedException.forbidden(access.refusal(cycle.key()));
    }

    /** The cycles of {@code cycles} the user may see, in their order. */
    public List<Cycle> visible(ApplicationUser user, List<Cycle> cycles) {
        return cycles.stream().filter(c -> may(user, CycleAccess.VIEW, c)).toList();
    }

    /**
     * Lets the opening of a cycle in this Jira project (blank: of no project) on, or refuses it: administrators and
     * the security-lead groups anywhere, the lead role's members in their project.
     */
    public void checkOpen(ApplicationUser user, String projectKey) {
        if (user == null) {
            throw AccessDeniedException.notLoggedIn();
        }
        if (isAdministrator(user) || isGlobalLead(user)) {
            return;
        }
        Project project = projectKey == null || projectKey.isBlank() ? null
                : projects.getProjectByCurrentKey(projectKey.trim());
        if (project == null || !holdsLeadRole(user, project)) {
            LOG.info("CTEM permission denied: user {} may not open a cycle in project '{}'", user.getKey(),
                    projectKey);
            throw AccessDeniedException.forbidden("only security leads open CTEM cycles"
                    + (project == null ? "" : " in project " + project.getKey()));
        }
    }

    /**
     * The coarse check before a cycle's draft is read: administrators and the security-lead groups may open cycles,
     * and so may anyone when a lead role is configured (then {@link #checkOpen} decides by the draft's project).
     */
    public void checkMayOpenCycles(ApplicationUser user) {
        if (user == null) {
            throw AccessDeniedException.notLoggedIn();
        }
        if (!isAdministrator(user) && !isGlobalLead(user) && settings.securityLeadRole().isEmpty()) {
            LOG.info("CTEM permission denied: user {} may not open cycles", user.getKey());
            throw AccessDeniedException.forbidden("only security leads open CTEM cycles");
        }
    }

    /** The Jira project with this key, or null: a cycle may only belong to a project that exists. */
    public Project project(String projectKey) {
        return projectKey == null || projectKey.isBlank() ? null : projects.getProjectByCurrentKey(projectKey.trim());
    }

    /**
     * The key of an existing Jira project, or null for none (blank).
     *
     * @throws InvalidInputException naming {@code projectKey} when Jira has no project with that key
     */
    public String existingProject(String projectKey) {
        if (projectKey == null || projectKey.isBlank()) {
            return null;
        }
        if (project(projectKey) == null) {
            throw new InvalidInputException("projectKey", "Jira has no project with key '" + projectKey.trim() + "'");
        }
        return projectKey.trim();
    }

    /** Whether Jira has a project role with this name (the lead role must name one). */
    public boolean projectRoleExists(String name) {
        return name != null && !name.isBlank() && roles.getProjectRole(name.trim()) != null;
    }

    /**
     * Whether the user leads any cycle or may open one: administrators, the security-lead groups, and the lead
     * role's members in at least one project. The cycles page and its link are for them.
     */
    public boolean leadsAnywhere(ApplicationUser user) {
        if (isSecurityLead(user)) {
            return true;
        }
        return user != null && !settings.securityLeadRole().isEmpty()
                && projects.getProjectObjects().stream().anyMatch(project -> holdsLeadRole(user, project));
    }

    /**
     * The Jira projects the user may open cycles in: every project for administrators and the security-lead groups,
     * the projects where they hold the lead role otherwise. Jira answers role questions from its caches; one role
     * check per project is the price of a project role (docs/adr/006-roles-and-permissions.md).
     */
    public List<Project> projectsToOpenCyclesIn(ApplicationUser user) {
        if (user == null) {
            return List.of();
        }
        List<Project> all = projects.getProjectObjects();
        if (isSecurityLead(user)) {
            return all;
        }
        return settings.securityLeadRole().isEmpty() ? List.of()
                : all.stream().filter(project -> holdsLeadRole(user, project)).toList();
    }

    /** Lets an app-wide request on, or refuses it: 401 for anonymous users, 403 otherwise. */
    public void check(ApplicationUser user, AppAccess access) {
        if (user == null) {
            throw AccessDeniedException.notLoggedIn();
        }
        boolean allowed = switch (access) {
            case LOAD_FEEDS -> isAdministrator(user) || isGlobalLead(user);
            case CONFIGURE -> isAdministrator(user);
        };
        if (!allowed) {
            LOG.info("CTEM permission denied: user {} may not {}", user.getKey(), access);
            throw AccessDeniedException.forbidden(access.refusal());
        }
    }

    /** Jira administrators (and system administrators) configure the app itself. */
    public boolean isAdministrator(ApplicationUser user) {
        return user != null && (globalPermissions.hasPermission(GlobalPermissionKey.ADMINISTER, user)
                || globalPermissions.hasPermission(GlobalPermissionKey.SYSTEM_ADMIN, user));
    }

    /** Security leads of every cycle: administrators and members of the security-lead groups. */
    public boolean isSecurityLead(ApplicationUser user) {
        return user != null && (isAdministrator(user) || isGlobalLead(user));
    }

    /** For the stage gates: whether the user (by key) may override a gate of this cycle. */
    @Override
    public boolean isSecurityLead(String userKey, Cycle cycle) {
        return may(users.getUserByKey(userKey), CycleAccess.RUN, cycle);
    }

    private boolean isGlobalLead(ApplicationUser user) {
        return inAny(user, settings.securityLeadGroups());
    }

    private boolean holdsLeadRole(ApplicationUser user, Project project) {
        String roleName = settings.securityLeadRole();
        if (roleName.isEmpty()) {
            return false;
        }
        ProjectRole role = roles.getProjectRole(roleName);
        return role != null && roles.isUserInProjectRole(user, role, project);
    }

    private boolean inAny(ApplicationUser user, List<String> groupNames) {
        return groupNames.stream().anyMatch(group -> groups.isUserInGroup(user, group));
    }
}
