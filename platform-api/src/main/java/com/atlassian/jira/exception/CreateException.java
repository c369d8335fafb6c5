package com.atlassian.jira.exception;

// Mirror (compile-only, never packaged). Jira 11 evidence: caught around SubTaskManager#createSubTaskIssueLink and
// IssueManager#createIssueObject in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java).

public class CreateException extends Exception {

    public CreateException(String message) {
        super(message);
    }
}
