package com.atlassian.jira;

// Mirror (compile-only, never packaged). Only the constant this app names. Jira 11 evidence:
// codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) returns JiraDataTypes.ISSUE from getDataType(). The value here is a trivial stand-in.

public final class JiraDataTypes {

    public static final JiraDataType ISSUE = new JiraDataType() {
    };

    private JiraDataTypes() {
    }
}
