package com.atlassian.jira.issue.context;

// Mirror (compile-only, never packaged). Named only as the element type of CustomFieldManager#createCustomField's
// contexts (Jira 7.2.0 javadoc; see that file). UNVERIFIED on Jira 11.

public interface JiraContextNode {
}
