package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Checked against the decompiled activeobjects-plugin 5.2.1 in
// ngannk-fptu/Decompiled-Files (.../external/ActiveObjectsModuleMetaData.java) and shared/research/jira-platform.md §3.1.

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
