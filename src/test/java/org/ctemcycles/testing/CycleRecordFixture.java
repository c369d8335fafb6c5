package org.ctemcycles.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.cli.LocalIssueTracker;
import org.ctemcycles.core.cadence.InMemoryCycleProgress;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.InMemoryScopeRegister;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.SurfaceDraft;

import java.util.List;
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
                Set.of(LEAD)::contains, clock);
    }

    /** Opens cycle {@code key} for 2026-07-01 to 2026-09-30 with 14-day checkpoints. */
    public void open(String key) {
        record.cycles().create(new CycleDraft(key, "Payments " + key, "Cut KEV exposure on payment hosts",
                "2026-07-01", "2026-09-30", "14"), LEAD);
    }

    /** Opens a cycle, records its success criteria and a complete surface: the Discovery gate is then met. */
    public void openScoped(String key) {
        open(key);
        record.cycles().recordScope(key, new ScopeDraft(null, "No KEV older than 14 days on PAY-API", null, null,
                null), LEAD);
        record.scope().add(key, new SurfaceDraft("PAY-API", "Payments API", "customer-facing system", "alice",
                "critical", "internet-facing", "No exploitable KEV at cycle close",
                List.of("HOST:api.pay.example.com", "URL_PREFIX:https://api.pay.example.com/")), LEAD);
    }

    @Override
    public void close() throws Exception {
        record.close();
        opened.close();
    }
}
