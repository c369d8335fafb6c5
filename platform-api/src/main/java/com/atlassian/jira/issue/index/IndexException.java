package com.atlassian.jira.issue.index;

// Mirror (compile-only, never packaged). Jira 11 evidence: atlassian-labs/atlassian-slack-integration-server@94c50dc (jira-slack-server-integration-plugin/.../service/issuefilter/impl/JqlIssueFilter.java) catches it
// around IssueIndexingService#reIndex (a checked exception there).

public class IndexException extends Exception {

    public IndexException(String message) {
        super(message);
    }
}
