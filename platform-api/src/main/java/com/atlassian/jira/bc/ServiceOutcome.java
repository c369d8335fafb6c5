package com.atlassian.jira.bc;

// Mirror (compile-only, never packaged). A service's result with its value. UNVERIFIED on Jira 10/11 (no public
// Jira 10/11 app reads one found); best evidence: M-Whitaker/jira-agile-extended@9bd34eb (Jira 8.13.8,
// service/JAECustomFieldManager.java) reads ServiceOutcome<ManagedConfigurationItem>#getErrorCollection, and the
// Javadoc (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/bc/ServiceOutcome.html: get(), a ServiceResult).

public interface ServiceOutcome<T> extends ServiceResult {

    /** The value; null when the outcome is not valid. */
    T get();
}
