package com.opensymphony.workflow.loader;

// Mirror (compile-only, never packaged). Only the methods this app calls; a class in Jira's OSWorkflow (tests mock it).
// Jira 11 evidence: getName in atlassian-labs/atlassian-slack-integration-server@94c50dc (postfunction/SlackPostFunction.java). getId and getActions
// (a raw List of ActionDescriptor) are UNVERIFIED on Jira 11; best evidence: OSWorkflow 2.8's StepDescriptor.

import java.util.List;

public class StepDescriptor {

    public int getId() {
        throw new UnsupportedOperationException("mirror");
    }

    public String getName() {
        throw new UnsupportedOperationException("mirror");
    }

    @SuppressWarnings("rawtypes")
    public List getActions() {
        throw new UnsupportedOperationException("mirror");
    }
}
