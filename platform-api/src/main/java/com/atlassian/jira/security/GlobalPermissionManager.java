package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the method this app calls; checked against Jira 11 call sites in
// codescape/jira-scrum-poker (helper/UserHasProjectAdministrationPermission.java) and
// atlassian-labs/atlassian-slack-integration-server (web/rest/IssuePanelResource.java).

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;

public interface GlobalPermissionManager {

    boolean hasPermission(@Nonnull GlobalPermissionKey globalPermissionKey, @Nullable ApplicationUser user);
}
