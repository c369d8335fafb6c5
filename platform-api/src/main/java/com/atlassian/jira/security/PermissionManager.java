package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the method this app calls. Signature from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/security/PermissionManager.java; called the same way on Jira 11.3.1 in codescape/jira-scrum-poker@bb652fd
// (helper/UserHasProjectAdministrationPermission.java: hasPermission(ProjectPermissions.ADMINISTER_PROJECTS, project, user)).

import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;

public interface PermissionManager {

    boolean hasPermission(@Nonnull ProjectPermissionKey permissionKey, @Nonnull Project project,
                          @Nullable ApplicationUser user);
}
