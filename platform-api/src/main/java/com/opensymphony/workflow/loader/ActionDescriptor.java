package com.opensymphony.workflow.loader;

// Mirror (compile-only, never packaged). Only the methods this app calls; a class in Jira's OSWorkflow (tests mock it).
// Jira 11 evidence: getUnconditionalResult() and getName() in atlassian-labs/atlassian-slack-integration-server@94c50dc
// (postfunction/SlackPostFunction.java, lines 72-77; scripts/check-mirror finds both consistent). getId is UNVERIFIED on
// Jira 11 (no public Jira 10/11 code found that reads an action's id); best evidence: OSWorkflow 2.8's ActionDescriptor.

public class ActionDescriptor {

    public int getId() {
        throw new UnsupportedOperationException("mirror");
    }

    public String getName() {
        throw new UnsupportedOperationException("mirror");
    }

    public ResultDescriptor getUnconditionalResult() {
        throw new UnsupportedOperationException("mirror");
    }
}
