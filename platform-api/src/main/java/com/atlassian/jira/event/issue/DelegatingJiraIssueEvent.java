package com.atlassian.jira.event.issue;

// Mirror (compile-only, never packaged). Jira 11 evidence: asIssueEvent() after an instanceof test in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/listener/impl/DefaultJiraSlackEventListener.java).

public interface DelegatingJiraIssueEvent extends JiraIssueEvent {

    IssueEvent asIssueEvent();
}
