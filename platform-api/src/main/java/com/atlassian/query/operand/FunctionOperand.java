package com.atlassian.query.operand;

// Mirror (compile-only, never packaged). A value holder as in Jira (a function's name and its arguments as text), so
// tests can build the operand Jira passes. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) takes it in validate and getValues; its test
// (jql/ActiveScrumPokerSessionsJqlFunctionTest.java) builds new FunctionOperand(name) and new FunctionOperand(name,
// "arg"). getArgs() is not called by the three Jira 11 reference apps; the best evidence is older public code
// (atlascommunity/jira-plugins-groovy@021178d, Jira 7.6, impl/jql/function/builtin/DateCompareFunction.java and
// version/AbstractVersionFunction.java: operand.getArgs() as a List<String>) and Atlassian's published Javadoc of
// com.atlassian.query.operand.FunctionOperand.

import java.util.List;

public final class FunctionOperand implements Operand {

    private final String name;
    private final List<String> args;

    public FunctionOperand(String name, String... args) {
        this.name = name;
        this.args = List.of(args);
    }

    public String getName() {
        return name;
    }

    public List<String> getArgs() {
        return args;
    }
}
