package com.atlassian.jira.plugin.webfragment.model;

// Mirror (compile-only, never packaged). Only named, as the parameter type of AbstractWebCondition#shouldDisplay;
// Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (Jira 11.3.1), condition/*.java import it from this package.
// The app calls none of its methods, so the mirror declares none.

public class JiraHelper {
}
