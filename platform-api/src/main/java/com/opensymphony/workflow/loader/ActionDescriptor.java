package com.opensymphony.workflow.loader;

// Mirror (compile-only, never packaged). Only the methods this app calls; a class in Jira's OSWorkflow (tests mock it).
// Jira 11 evidence: getUnconditionalResult() in atlassian-labs/atlassian-slack-integration-server@94c50dc (postfunction/SlackPostFunction.java).
// getId and getName are UNVERIFIED on Jira 11; best evidence: OSWorkflow 2.8's ActionDescriptor.

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
