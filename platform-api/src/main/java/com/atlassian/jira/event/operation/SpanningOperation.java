package com.atlassian.jira.event.operation;

// Mirror (compile-only, never packaged). No members: this app only asks whether an event has one (a bulk operation),
// as atlassian-labs/atlassian-slack-integration-server@94c50dc does (service/listener/impl/DefaultJiraSlackEventListener.java, isBulkEdit).

public class SpanningOperation {
}
