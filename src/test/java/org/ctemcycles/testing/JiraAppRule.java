package org.ctemcycles.testing;

import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;
import org.ctemcycles.store.CycleEntity;
import org.junit.rules.ExternalResource;

import java.time.Clock;

/**
 * The app as Jira would assemble it, for tests of resources, actions and pages: mocked Jira services
 * ({@link FakeJira}) around the real services on a fresh embedded H2 database, opened before each test and removed
 * after it.
 */
public final class JiraAppRule extends ExternalResource {

    public final FakeJira jira = new FakeJira();
    private final Clock clock;
    /** The tracker the app mobilises into: the command line's, which keeps the tracker's contract. */
    public final LocalIssueTracker tracker = new LocalIssueTracker("SEC");
    private TestDatabase.Opened database;
    private CtemServices services;

    public JiraAppRule(Clock clock) {
        this.clock = clock;
    }

    public JiraAppRule() {
        this(Clock.systemUTC());
    }

    @Override
    protected void before() {
        database = TestDatabase.h2().open();
        services = new CtemServices(database.database().activeObjects(), permissions(), tracker, clock);
    }

    @Override
    protected void after() {
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public CtemServices services() {
        return services;
    }

    /** Settings over the fake Jira's plugin settings: each call sees the same stored values. */
    public CtemSettings settings() {
        return new CtemSettings(jira.settingsFactory);
    }

    public CtemPermissions permissions() {
        return new CtemPermissions(jira.globalPermissions, jira.permissions, jira.groups, jira.projectManager,
                jira.roles, jira.userManager, settings());
    }

    public int storedCycles() {
        return database.database().activeObjects().count(CycleEntity.class);
    }
}
