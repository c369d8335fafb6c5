package com.atlassian.jira.security.groups;

// Mirror (compile-only, never packaged). Only the method this app calls; checked against public plugin call sites
// `groupManager.isUserInGroup(user, groupName)` with an ApplicationUser (Jira 7+).

import com.atlassian.jira.user.ApplicationUser;

public interface GroupManager {

    boolean isUserInGroup(ApplicationUser user, String groupname);
}
