package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Not found in public Jira 11 code (the command line implements it for
// ActiveObjects#moduleMetaData). Best evidence: the decompiled activeobjects-plugin 5.2.1 in
// ngannk-fptu/Decompiled-Files (.../external/ActiveObjectsModuleMetaData.java).

import com.atlassian.activeobjects.spi.DatabaseType;
import net.java.ao.RawEntity;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public interface ActiveObjectsModuleMetaData {

    void awaitInitialization() throws ExecutionException, InterruptedException;

    void awaitInitialization(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;

    boolean isInitialized();

    DatabaseType getDatabaseType();

    boolean isDataSourcePresent();

    boolean isTablePresent(Class<? extends RawEntity<?>> type);
}
