package org.ctemcycles.testing;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.junit.After;
import org.junit.Before;
import org.junit.runners.Parameterized;

import java.util.List;

/**
 * What the cycle record's persistence tests share: they run once per database ({@link TestDatabase#parameters()},
 * with {@code @RunWith(Parameterized.class)} on the subclass), each test on a fresh {@link CycleRecordFixture} whose
 * clock starts on the subclass's day. A subclass's own {@code @Before} runs after the fixture is open.
 */
public abstract class CycleRecordTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase database;
    private final String today;
    protected CycleRecordFixture fixture;
    protected CycleRecord record;

    protected CycleRecordTest(TestDatabase database, String today) {
        this.database = database;
        this.today = today;
    }

    @Before
    public void openFixture() {
        fixture = new CycleRecordFixture(database, today);
        record = fixture.record;
    }

    @After
    public void closeFixture() throws Exception {
        fixture.close();
    }

    /** The entries of a cycle's log that record {@code action}, in order. */
    protected List<LogEntry> logged(String cycle, LogAction action) {
        return record.log().chain(cycle).stream().filter(e -> e.is(action)).toList();
    }
}
