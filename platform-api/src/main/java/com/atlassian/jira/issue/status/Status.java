package com.atlassian.jira.issue.status;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: the anonymous Status of
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java: getId, getName, getStatusCategory).

import com.atlassian.jira.issue.status.category.StatusCategory;

public interface Status {

    String getId();

    String getName();

    StatusCategory getStatusCategory();
}
