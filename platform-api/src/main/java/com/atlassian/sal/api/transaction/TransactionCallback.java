package com.atlassian.sal.api.transaction;

// Mirror (compile-only, never packaged). Checked against the decompiled sal-api 5.1.4 in ngannk-fptu/Decompiled-Files
// (.../sal/api/transaction/TransactionCallback.java) and shared/research/jira-platform.md §3.1.

public interface TransactionCallback<T> {

    T doInTransaction();
}
