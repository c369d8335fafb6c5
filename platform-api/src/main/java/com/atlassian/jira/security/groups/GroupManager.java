package com.atlassian.jira.security.groups;

// Mirror (compile-only, never packaged). Only the method this app calls; checked against the GroupManager API docs
// (docs.atlassian.com/jira/server/com/atlassian/jira/security/groups/GroupManager.html) and the call site in
// dmytr0/jira-employee-list (webwork/EmployeesViewAction.java).

import com.atlassian.jira.user.ApplicationUser;

public interface GroupManager {

    boolean isUserInGroup(ApplicationUser user, String groupname);
}
