package com.atlassian.jira.issue.fields;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence (scripts/check-mirror):
// getCustomFieldType().getKey() in codescape/jira-scrum-poker@bb652fd (service/EstimateFieldServiceImpl.java);
// getId ("customfield_10000") and getUntranslatedName are in the Jira javadoc
// (docs.atlassian.com/jira/latest/.../fields/CustomField.html), UNVERIFIED on Jira 11.

import com.atlassian.jira.issue.customfields.CustomFieldType;

public interface CustomField {

    String getId();

    String getUntranslatedName();

    CustomFieldType<?, ?> getCustomFieldType();
}
