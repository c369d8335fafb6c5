package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). No members of its own: this app receives it from IssueService results and reads
// it as an Issue. Jira 11 evidence: IssueResult.getIssue() assigned to a MutableIssue in
// codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java).

public interface MutableIssue extends Issue {
}
