package com.atlassian.jira.issue.issuetype;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: isSubTask in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java, filter IssueType::isSubTask); getId and getName
// in the anonymous IssueType of atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java).

public interface IssueType {

    String getId();

    String getName();

    boolean isSubTask();
}
