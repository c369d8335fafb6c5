package com.atlassian.jira.issue.index;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: atlassian-labs/atlassian-slack-integration-server@94c50dc (jira-slack-server-integration-plugin/.../service/issuefilter/impl/JqlIssueFilter.java)
// calls reIndex(issue, IssueIndexingParams.INDEX_ISSUE_ONLY) inside ImportUtils.setIndexIssues(true), catching IndexException.

import com.atlassian.jira.issue.Issue;

public interface IssueIndexingService {

    void reIndex(Issue issue, IssueIndexingParams params) throws IndexException;
}
