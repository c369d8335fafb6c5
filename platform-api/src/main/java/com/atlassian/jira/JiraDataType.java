package com.atlassian.jira;

// Mirror (compile-only, never packaged). The type of value a JQL function yields. Jira 11 evidence:
// codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) returns it from getDataType().

public interface JiraDataType {
}
