package org.ctemcycles.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.junit.rules.ExternalResource;

/** A JUnit rule: a fresh database of the given kind for each test (H2 in memory, a new PostgreSQL schema). */
public final class OpenDatabase extends ExternalResource {

    private final TestDatabase database;
    private TestDatabase.Opened opened;

    public OpenDatabase(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected void before() {
        opened = database.open();
    }

    @Override
    protected void after() {
        try {
            opened.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close " + database, e);
        }
    }

    public ActiveObjects ao() {
        return opened.database().activeObjects();
    }
}
