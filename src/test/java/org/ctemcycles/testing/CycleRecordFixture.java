package org.ctemcycles.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.cycle.ScopeRegister;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The cycle record's services over a real database with the in-memory ports (scope register, discovery and
 * prioritisation progress, issue tracker), a clock tests move by hand, and {@code lead} as the one security lead.
 */
public final class CycleRecordFixture implements AutoCloseable {

    public static final String LEAD = "lead";

    public final TestDatabase.Opened opened;
    public final ActiveObjects ao;
    public final MutableClock clock;
    public final InMemoryScopeRegister scope = new InMemoryScopeRegister();
    public final InMemoryCycleProgress progress = new InMemoryCycleProgress();
    public final LocalIssueTracker tracker = new LocalIssueTracker("SEC");
    public final CycleRecord record;

    public CycleRecordFixture(TestDatabase database, String today) {
        this(database.open(), today);
    }

    public CycleRecordFixture(TestDatabase.Opened opened, String today) {
        this(opened, today, UnaryOperator.identity());
    }

    /** @param scopeSeenByRecord wraps the scope register the services use (tests that need to pause them) */
    public CycleRecordFixture(TestDatabase.Opened opened, String today,
                              UnaryOperator<ScopeRegister> scopeSeenByRecord) {
        this.opened = opened;
        this.ao = opened.database().activeObjects();
        this.clock = MutableClock.on(today);
        this.record = new CycleRecord(ao, scopeSeenByRecord.apply(scope), progress, tracker,
                (user, cycle) -> LEAD.equals(user), clock);
    }

    /** Opens cycle {@code key} for 2026-07-01 to 2026-09-30 with 14-day checkpoints. */
    public void open(String key) {
        InMemoryCycleRecord.open(record.cycles(), key);
    }

    /** Opens a cycle, records its success criteria and a complete surface: the Discovery gate is then met. */
    public void openScoped(String key) {
        InMemoryCycleRecord.openScoped(record.cycles(), record.scope(), key);
    }

    @Override
    public void close() throws Exception {
        record.close();
        opened.close();
    }
}
