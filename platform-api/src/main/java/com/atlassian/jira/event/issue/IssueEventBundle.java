package com.atlassian.jira.event.issue;

// Mirror (compile-only, never packaged). Jira 11 evidence: getEvents() iterated as JiraIssueEvents in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/listener/impl/DefaultJiraSlackEventListener.java).

import java.util.Collection;

public interface IssueEventBundle {

    Collection<JiraIssueEvent> getEvents();
}
