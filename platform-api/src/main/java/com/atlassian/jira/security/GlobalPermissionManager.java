package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): hasPermission(GlobalPermissionKey, ApplicationUser) in
// codescape/jira-scrum-poker@bb652fd (helper/UserHasProjectAdministrationPermission.java),
// codescape/jira-multiple-subtasks@ce71581 (condition/ProjectAdministrationCondition.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/IssuePanelResource.java).

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;

public interface GlobalPermissionManager {

    boolean hasPermission(@Nonnull GlobalPermissionKey globalPermissionKey, @Nullable ApplicationUser user);
}
