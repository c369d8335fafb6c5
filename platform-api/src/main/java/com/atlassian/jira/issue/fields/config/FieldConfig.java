package com.atlassian.jira.issue.fields.config;

// Mirror (compile-only, never packaged). Named only as the third parameter of SortableCustomField#compare (Jira
// javadoc); this app reads nothing from it. UNVERIFIED on Jira 11.

public interface FieldConfig {
}
