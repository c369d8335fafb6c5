package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): codescape/jira-scrum-poker@bb652fd
// (helper/UserHasProjectAdministrationPermission.java) and codescape/jira-multiple-subtasks@ce71581
// (condition/ProjectAdministrationCondition.java) call hasPermission(ProjectPermissions.ADMINISTER_PROJECTS, project,
// user); the check leaves those uses unchecked, since that constant is not mirrored, and finds no mismatch. Signature
// from the Jira 6 jira-api source in turgaycelik/mysource@44f29e3 (.../jira/security/PermissionManager.java).

import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;

public interface PermissionManager {

    boolean hasPermission(@Nonnull ProjectPermissionKey permissionKey, @Nonnull Project project,
                          @Nullable ApplicationUser user);
}
