package com.atlassian.sal.api.transaction;

// Mirror (compile-only, never packaged). Checked against shared/research/jira-platform.md §3.1 (SAL) and the
// lambda call sites `ao.executeInTransaction(() -> ...)` in codescape/jira-scrum-poker.

public interface TransactionCallback<T> {

    T doInTransaction();
}
