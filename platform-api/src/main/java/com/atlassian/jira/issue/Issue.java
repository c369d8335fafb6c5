package com.atlassian.jira.issue;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror; the
// apps and their Jira versions are in platform-api/README.md): getKey in codescape/jira-scrum-poker@bb652fd
// (condition/JoinScrumPokerForIssueCondition.java, on the Issue that AbstractIssueWebCondition hands over); getId in
// codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java).

public interface Issue {

    Long getId();

    String getKey();
}
