package com.atlassian.jira.workflow;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: the interface is imported as a
// component by atlassian-labs/atlassian-slack-integration-server@94c50dc (service/ComponentImports.java); getWorkflow(Issue) and
// getWorkflow(Long projectId, String issueTypeId) are UNVERIFIED on Jira 11. Best evidence: the API docs
// (docs.atlassian.com/jira/7.1.9/com/atlassian/jira/workflow/WorkflowManager.html).

import com.atlassian.jira.issue.Issue;

public interface WorkflowManager {

    JiraWorkflow getWorkflow(Issue issue);

    JiraWorkflow getWorkflow(Long projectId, String issueTypeId);
}
