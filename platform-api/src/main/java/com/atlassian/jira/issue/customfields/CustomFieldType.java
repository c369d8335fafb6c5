package com.atlassian.jira.issue.customfields;

// Mirror (compile-only, never packaged). Only the method this app calls, on a field's type, to know a field as the
// app's ("<plugin key>:<module key>", Jira javadoc docs.atlassian.com/jira/latest/.../customfields/CustomFieldType.html).
// The app never implements this interface (a method Jira adds would fail at run time); its types extend
// CalculatedCFType. Jira 11 evidence: CustomField#getCustomFieldType().getKey() in codescape/jira-scrum-poker@bb652fd
// (service/EstimateFieldServiceImpl.java, compared with "com.atlassian.jira.plugin.system.customfieldtypes:...").

public interface CustomFieldType<T, S> {

    String getKey();
}
