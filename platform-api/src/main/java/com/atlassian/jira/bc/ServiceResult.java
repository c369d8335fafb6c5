package com.atlassian.jira.bc;

// Mirror (compile-only, never packaged). The base of IssueService's results. Jira 11 evidence for a result's use:
// IssueService.IssueResult in codescape/jira-multiple-subtasks@ce71581 (service/SubtasksCreationService.java); isValid and
// getErrorCollection are unverified on Jira 11 (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/bc/ServiceResult.html).

import com.atlassian.jira.util.ErrorCollection;

public interface ServiceResult {

    boolean isValid();

    ErrorCollection getErrorCollection();
}
