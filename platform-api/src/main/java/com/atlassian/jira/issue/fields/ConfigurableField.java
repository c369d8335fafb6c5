package com.atlassian.jira.issue.fields;

// Mirror (compile-only, never packaged). Named only as the field parameter of
// FieldConfigSchemeManager#updateFieldConfigScheme, which a CustomField is (Jira javadoc: CustomField extends
// ConfigurableField); see FieldConfigSchemeManager's header for the evidence. UNVERIFIED on Jira 10/11.

public interface ConfigurableField {
}
