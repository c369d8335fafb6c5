package com.atlassian.jira.plugin.jql.function;

// Mirror (compile-only, never packaged). The base class of a <jql-function> module: Jira calls validate when a query
// is parsed and getValues when it is run; the real class also takes the module descriptor (init) and answers
// getFunctionName from <fname> and isList from <list>, which this app does not call. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) extends
// it as a Spring @Component and overrides exactly these four methods, with these parameter and result types.

import com.atlassian.jira.JiraDataType;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;

import java.util.List;

public abstract class AbstractJqlFunction {

    public abstract MessageSet validate(ApplicationUser searcher, FunctionOperand operand,
                                        TerminalClause terminalClause);

    public abstract List<QueryLiteral> getValues(QueryCreationContext queryCreationContext, FunctionOperand operand,
                                                 TerminalClause terminalClause);

    public abstract int getMinimumNumberOfExpectedArguments();

    public abstract JiraDataType getDataType();
}
