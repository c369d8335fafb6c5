package com.atlassian.activeobjects.external;

// Mirror (compile-only, never packaged). Checked against the decompiled interface quoted in
// shared/research/jira-platform.md §3.1 (returned by ActiveObjects#moduleMetaData()).

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
