package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the method this app calls; checked against
// shared/research/jira-platform.md §3.3 and ScrumPokerPermissions in codescape/jira-scrum-poker.

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.user.ApplicationUser;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;

public interface GlobalPermissionManager {

    boolean hasPermission(@Nonnull GlobalPermissionKey globalPermissionKey, @Nullable ApplicationUser user);
}
