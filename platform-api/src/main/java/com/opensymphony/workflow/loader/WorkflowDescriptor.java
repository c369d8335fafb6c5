package com.opensymphony.workflow.loader;

// Mirror (compile-only, never packaged). Only the methods this app calls; a class in Jira's OSWorkflow (tests mock it).
// Jira 11 evidence: getAction(int) and getStep(int) in atlassian-labs/atlassian-slack-integration-server@94c50dc (postfunction/SlackPostFunction.java).
// getGlobalActions (a raw List of ActionDescriptor) is UNVERIFIED on Jira 11; best evidence: OSWorkflow 2.8's
// WorkflowDescriptor, which Jira's workflow API returns from JiraWorkflow#getDescriptor.

import java.util.List;

public class WorkflowDescriptor {

    public ActionDescriptor getAction(int id) {
        throw new UnsupportedOperationException("mirror");
    }

    public StepDescriptor getStep(int id) {
        throw new UnsupportedOperationException("mirror");
    }

    @SuppressWarnings("rawtypes")
    public List getGlobalActions() {
        throw new UnsupportedOperationException("mirror");
    }
}
