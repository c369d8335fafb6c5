package com.atlassian.jira.issue.priority;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: getName in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java, the priority by name); getId and getName in the
// anonymous Priority of atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java).

public interface Priority {

    String getId();

    String getName();
}
