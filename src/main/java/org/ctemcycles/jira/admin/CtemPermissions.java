package org.ctemcycles.jira.admin;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.springframework.stereotype.Component;

/**
 * Who may do what, decided on the server for every request. Jira administrators may do everything; members of the
 * configured security-lead group (see {@link CtemSettings}) may open, scope and manage cycles.
 */
@Component
public class CtemPermissions {

    private final GlobalPermissionManager globalPermissions;
    private final GroupManager groups;
    private final CtemSettings settings;

    @Inject
    public CtemPermissions(@ComponentImport GlobalPermissionManager globalPermissions,
                           @ComponentImport GroupManager groups, CtemSettings settings) {
        this.globalPermissions = globalPermissions;
        this.groups = groups;
        this.settings = settings;
    }

    /** Jira administrators (and system administrators) configure the app itself. */
    public boolean isAdministrator(ApplicationUser user) {
        return user != null && (globalPermissions.hasPermission(GlobalPermissionKey.ADMINISTER, user)
                || globalPermissions.hasPermission(GlobalPermissionKey.SYSTEM_ADMIN, user));
    }

    /** Security leads open and manage CTEM cycles; administrators count as security leads. */
    public boolean isSecurityLead(ApplicationUser user) {
        return user != null && (isAdministrator(user) || groups.isUserInGroup(user, settings.securityLeadGroup()));
    }
}
