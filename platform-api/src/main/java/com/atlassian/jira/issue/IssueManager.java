package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: getIssueObject(Long) in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/notification/impl/CommandEventRenderer.java) and getIssueObject(String) in
// the same app (web/rest/DedicatedChannelResource.java) and in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java);
// both answer null when there is no such issue.

public interface IssueManager {

    MutableIssue getIssueObject(Long id);

    MutableIssue getIssueObject(String key);
}
