package com.atlassian.jira.event.issue;

// Mirror (compile-only, never packaged). No members: this app only tells a DelegatingJiraIssueEvent apart, as
// atlassian-labs/atlassian-slack-integration-server@94c50dc does (service/listener/impl/DefaultJiraSlackEventListener.java: "We can get the
// IssueEvent only from a DelegatingJiraIssueEvent").

public interface JiraIssueEvent {
}
