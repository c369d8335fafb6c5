package com.atlassian.jira.issue.fields;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 10 evidence:
// alanmosely/jira-watcher-field-plugin@47ceeb1 (Jira 10.3.0; WatcherFieldType.java) receives CustomField in its
// overrides; getId ("customfield_10000"), getIdAsLong and getUntranslatedName are in the Jira javadoc
// (docs.atlassian.com/jira/latest/.../fields/CustomField.html). UNVERIFIED on Jira 11.

import com.atlassian.jira.issue.customfields.CustomFieldType;

public interface CustomField {

    String getId();

    Long getIdAsLong();

    String getUntranslatedName();

    CustomFieldType<?, ?> getCustomFieldType();
}
