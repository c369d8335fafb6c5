package com.atlassian.jira.security.groups;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): the interface is injected in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java, which calls getGroup);
// isUserInGroup(ApplicationUser, String) is not found in public Jira 11 code. Best evidence: the GroupManager API
// docs (docs.atlassian.com/jira/server/com/atlassian/jira/security/groups/GroupManager.html) and the call in
// dmytr0/jira-employee-list (webwork/EmployeesViewAction.java).

import com.atlassian.jira.user.ApplicationUser;

public interface GroupManager {

    boolean isUserInGroup(ApplicationUser user, String groupname);
}
