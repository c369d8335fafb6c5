package com.atlassian.jira.util;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: atlassian-labs/atlassian-slack-integration-server@94c50dc (jira-slack-server-integration-plugin/.../service/issuefilter/impl/JqlIssueFilter.java)
// reads isIndexIssues() and sets setIndexIssues(true) around a re-index, restoring it afterwards (a per-thread flag).

public final class ImportUtils {

    private ImportUtils() {
    }

    public static boolean isIndexIssues() {
        throw new UnsupportedOperationException("mirror");
    }

    public static void setIndexIssues(boolean indexIssues) {
        throw new UnsupportedOperationException("mirror");
    }
}
