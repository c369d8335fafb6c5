package com.atlassian.jira.issue.customfields;

// Mirror (compile-only, never packaged). Named only as a type (CustomFieldManager#getCustomFieldSearcher and
// #createCustomField, Jira javadoc docs.atlassian.com/jira/7.2.0/.../CustomFieldManager.html). UNVERIFIED on 11.

public interface CustomFieldSearcher {
}
