package com.atlassian.jira.plugin.webfragment.model;

// Mirror (compile-only, never packaged). Only named, as the parameter type of AbstractWebCondition#shouldDisplay.
// Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// codescape/jira-scrum-poker@bb652fd (condition/JoinScrumPokerForIssueCondition.java) and
// codescape/jira-multiple-subtasks@ce71581 (condition/ProjectAdministrationCondition.java). The app calls none of its
// methods, so the mirror declares none.

public class JiraHelper {
}
