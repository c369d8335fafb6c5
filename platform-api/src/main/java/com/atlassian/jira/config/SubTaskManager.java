package com.atlassian.jira.config;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence:
// createSubTaskIssueLink(parent, subtask, user) in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java),
// which handles its CreateException.

import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

public interface SubTaskManager {

    void createSubTaskIssueLink(Issue parentIssue, Issue subTaskIssue, ApplicationUser remoteUser)
            throws CreateException;
}
