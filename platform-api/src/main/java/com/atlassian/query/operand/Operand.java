package com.atlassian.query.operand;

// Mirror (compile-only, never packaged). The operand a query literal comes from (QueryLiteral's constructor takes
// one). Jira 11 evidence: atlassian-labs/atlassian-slack-integration-server@94c50dc
// (servicedesk/FixRequestTypeOperandVisitor.java) visits Operand, FunctionOperand and its other kinds; the app uses
// no member of it.

public interface Operand {
}
