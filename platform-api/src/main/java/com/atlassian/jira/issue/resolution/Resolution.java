package com.atlassian.jira.issue.resolution;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: Issue#getResolution returns it
// in atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java); getName is IssueConstant's, read from a status
// and a priority in the same app (service/notification/impl/DefaultAttachmentHelper.java). getId: unverified on 11.

public interface Resolution {

    String getId();

    String getName();
}
