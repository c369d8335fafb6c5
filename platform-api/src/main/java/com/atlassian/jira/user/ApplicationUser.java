package com.atlassian.jira.user;

// Mirror (compile-only, never packaged). Only the methods this app calls (the real interface also extends
// java.security.Principal). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are in
// platform-api/README.md): getKey in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerSessionsAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java);
// getUsername in jira-scrum-poker, codescape/jira-multiple-subtasks@ce71581 (action/SubtaskTemplateImportAction.java)
// and atlassian-slack-integration-server; getDisplayName in jira-scrum-poker (rest/mapper/SessionEntityMapper.java)
// and atlassian-slack-integration-server (service/notification/impl/DefaultAttachmentHelper.java). getEmailAddress:
// NOT VERIFIED ON JIRA 11 (no public Jira 11 use found); best evidence alanmosely/basic-jira-development-panels@fb8a8e2
// (Jira 9.12.0, impl/PullRequestServiceImpl.java: new Email(user.getEmailAddress())).

public interface ApplicationUser {

    String getKey();

    String getUsername();

    String getDisplayName();
    String getEmailAddress();
}
