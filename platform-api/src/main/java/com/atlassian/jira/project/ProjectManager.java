package com.atlassian.jira.project;

// Mirror (compile-only, never packaged). Only the method this app calls; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/project/ProjectManager.java. Called on Jira 11.3.1 in codescape/jira-scrum-poker@bb652fd
// (action/ScrumPokerProjectConfigurationAction.java: projectManager.getProjectByCurrentKey(projectKey)).

public interface ProjectManager {

    /** The project whose current key this is, or null. */
    Project getProjectByCurrentKey(String projectKey);
}
