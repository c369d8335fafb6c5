package com.atlassian.jira.project;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence:
// codescape/jira-scrum-poker@bb652fd (Jira 11.3.1), action/ScrumPokerProjectConfigurationAction.java, calls
// getProjectByCurrentKey(String) for a Project; codescape/jira-multiple-subtasks@ce71581 (Jira 11.3.3),
// action/SubtaskTemplateImportAction.java, iterates getProjectObjects(). Shapes from the Jira 6 jira-api source in
// turgaycelik/mysource@44f29e3 (.../jira/project/ProjectManager.java).

import java.util.List;

public interface ProjectManager {

    /** The project whose current key this is, or null. */
    Project getProjectByCurrentKey(String projectKey);

    /** Every project, in Jira's order. */
    List<Project> getProjectObjects();
}
