package com.atlassian.sal.api.transaction;

// Mirror (compile-only, never packaged). Not found in public Jira 11 code (the three reference apps do not call
// ActiveObjects#executeInTransaction). Best evidence: the decompiled sal-api 5.1.4 in ngannk-fptu/Decompiled-Files
// (.../sal/api/transaction/TransactionCallback.java).

public interface TransactionCallback<T> {

    T doInTransaction();
}
