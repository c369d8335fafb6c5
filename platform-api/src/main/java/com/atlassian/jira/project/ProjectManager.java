package com.atlassian.jira.project;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): getProjectByCurrentKey(String) in
// codescape/jira-scrum-poker@bb652fd (action/ScrumPokerProjectConfigurationAction.java),
// codescape/jira-multiple-subtasks@ce71581 (action/ProjectSubtaskTemplatesAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (spi/impl/JiraSlackLinkAccessManager.java);
// getProjectObjects() in jira-multiple-subtasks (action/SubtaskTemplateImportAction.java).

import java.util.List;

public interface ProjectManager {

    /** The project whose current key this is, or null. */
    Project getProjectByCurrentKey(String projectKey);

    /** Every project, in Jira's order. */
    List<Project> getProjectObjects();
}
