package com.atlassian.jira.event.issue;

// Mirror (compile-only, never packaged). Only the methods this app calls; a class in Jira (tests mock it). Jira 11
// evidence: getEventTypeId, getIssue, getUser and getSpanningOperation (an Optional) in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/listener/impl/DefaultJiraSlackEventListener.java, isBulkEdit).

import com.atlassian.jira.event.operation.SpanningOperation;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Optional;

public class IssueEvent {

    public Long getEventTypeId() {
        throw new UnsupportedOperationException("mirror");
    }

    public Issue getIssue() {
        throw new UnsupportedOperationException("mirror");
    }

    public ApplicationUser getUser() {
        throw new UnsupportedOperationException("mirror");
    }

    public Optional<SpanningOperation> getSpanningOperation() {
        throw new UnsupportedOperationException("mirror");
    }
}
