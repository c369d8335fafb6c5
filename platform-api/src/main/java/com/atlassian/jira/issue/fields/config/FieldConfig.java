package com.atlassian.jira.issue.fields.config;

// Mirror (compile-only, never packaged). Named as the third parameter of SortableCustomField#compare (Jira
// javadoc) and as a field configuration scheme's configuration, handed back unchanged when the app re-scopes a field
// (FieldConfigScheme's header, docs/adr/107); this app reads nothing from it. UNVERIFIED on Jira 11.

public interface FieldConfig {
}
