package com.atlassian.jira.issue.fields.config.manager;

// Mirror (compile-only, never packaged). Only the method this app calls. UNVERIFIED on Jira 11 (no public Jira 10/11 code
// uses it). Best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/fields/config/manager/IssueTypeSchemeManager.html):
// adds an issue type to the default issue type scheme, which projects without a scheme of their own use.

public interface IssueTypeSchemeManager {

    void addOptionToDefault(String id);
}
