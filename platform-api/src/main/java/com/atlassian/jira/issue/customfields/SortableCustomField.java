package com.atlassian.jira.issue.customfields;

// Mirror (compile-only, never packaged). Jira 10 evidence: RankCFType of Jira Software 10.6.0 implements it beside
// CalculatedCFType (docs.atlassian.com/jira-software/10.6.0/.../rank/RankCFType.html); the newer javadoc says
// CalculatedCFType no longer implements it, so a sortable subclass declares it itself (shared research, addendum 1).
// UNVERIFIED on Jira 11.

import com.atlassian.jira.issue.fields.config.FieldConfig;

public interface SortableCustomField<T> {

    int compare(T customFieldObjectValue1, T customFieldObjectValue2, FieldConfig fieldConfig);
}
