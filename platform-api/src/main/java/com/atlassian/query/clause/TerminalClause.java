package com.atlassian.query.clause;

// Mirror (compile-only, never packaged). No member is used: the clause a JQL function appears in, passed to
// validate and getValues. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1).

public interface TerminalClause {
}
