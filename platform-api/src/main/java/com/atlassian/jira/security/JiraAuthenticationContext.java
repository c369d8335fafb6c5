package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): getLoggedInUser in codescape/jira-scrum-poker@bb652fd
// (action/ScrumPokerAction.java), codescape/jira-multiple-subtasks@ce71581 (action/GlobalSubtaskTemplatesAction.java)
// and atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java);
// isLoggedInUser in jira-multiple-subtasks (rest/SubtasksResource.java) and atlassian-slack-integration-server
// (web/condition/UserLoggedInUrlReadingCondition.java).

import com.atlassian.jira.user.ApplicationUser;

public interface JiraAuthenticationContext {

    ApplicationUser getLoggedInUser();

    boolean isLoggedInUser();
}
