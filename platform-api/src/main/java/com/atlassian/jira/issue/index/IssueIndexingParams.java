package com.atlassian.jira.issue.index;

// Mirror (compile-only, never packaged). Only the constant this app uses. Jira 11 evidence: atlassian-labs/atlassian-slack-integration-server@94c50dc (jira-slack-server-integration-plugin/.../service/issuefilter/impl/JqlIssueFilter.java)
// passes IssueIndexingParams.INDEX_ISSUE_ONLY to IssueIndexingService#reIndex.

public class IssueIndexingParams {

    public static final IssueIndexingParams INDEX_ISSUE_ONLY = new IssueIndexingParams();

    protected IssueIndexingParams() {
    }
}
