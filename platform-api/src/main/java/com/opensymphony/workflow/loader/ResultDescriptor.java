package com.opensymphony.workflow.loader;

// Mirror (compile-only, never packaged). Only the method this app calls; a class in Jira's OSWorkflow (tests mock it).
// Jira 11 evidence: getStep() (the target step's id) in atlassian-labs/atlassian-slack-integration-server@94c50dc (postfunction/SlackPostFunction.java).

public class ResultDescriptor {

    public int getStep() {
        throw new UnsupportedOperationException("mirror");
    }
}
