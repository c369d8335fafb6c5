package com.atlassian.jira.workflow;

// Mirror (compile-only, never packaged). Only the members this app uses. Jira 11 evidence: ACTION_ORIGIN_STEP_ID in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (postfunction/SlackPostFunction.java), which reads the workflow's descriptor there;
// getName, getDescriptor, getLinkedStatusObjects, getLinkedStep and getLinkedStatusObject are UNVERIFIED on Jira 11.
// Best evidence: the API docs (docs.atlassian.com/jira/7.1.9/com/atlassian/jira/workflow/JiraWorkflow.html).

import com.atlassian.jira.issue.status.Status;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;

import java.util.List;

public interface JiraWorkflow {

    int ACTION_ORIGIN_STEP_ID = -1;

    String getName();

    WorkflowDescriptor getDescriptor();

    List<Status> getLinkedStatusObjects();

    StepDescriptor getLinkedStep(Status status);

    Status getLinkedStatusObject(StepDescriptor stepDescriptor);
}
