package com.atlassian.jira.user;

// Mirror (compile-only, never packaged). Only the methods this app calls (the real interface also extends
// java.security.Principal). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are in
// platform-api/README.md): getKey in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerSessionsAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java);
// getUsername in jira-scrum-poker, codescape/jira-multiple-subtasks@ce71581 (action/SubtaskTemplateImportAction.java)
// and atlassian-slack-integration-server; getDisplayName in jira-scrum-poker (rest/mapper/SessionEntityMapper.java)
// and atlassian-slack-integration-server (service/notification/impl/DefaultAttachmentHelper.java).

public interface ApplicationUser {

    String getKey();

    String getUsername();

    String getDisplayName();
}
