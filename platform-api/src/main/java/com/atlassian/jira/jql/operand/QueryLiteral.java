package com.atlassian.jira.jql.operand;

// Mirror (compile-only, never packaged). A value holder as in Jira (the operand a value came from and the value), so
// tests can read what a JQL function returned. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) builds
// new QueryLiteral(functionOperand, issue.getId()) with a Long. getLongValue() is not called by the three Jira 11
// reference apps; best evidence: Atlassian's published Javadoc of com.atlassian.jira.jql.operand.QueryLiteral.

import com.atlassian.query.operand.Operand;

public final class QueryLiteral {

    private final Operand sourceOperand;
    private final Long longValue;

    public QueryLiteral(Operand sourceOperand, Long longValue) {
        this.sourceOperand = sourceOperand;
        this.longValue = longValue;
    }

    public Operand getSourceOperand() {
        return sourceOperand;
    }

    public Long getLongValue() {
        return longValue;
    }
}
