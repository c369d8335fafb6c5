package org.ctemcycles.testing;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.junit.Before;

import java.util.List;

/**
 * What core's unit tests of the cycle record's rules share: each test on a fresh {@link InMemoryCycleRecord} whose
 * clock starts on the subclass's day. {@code record} and {@code fixture} are the same object, named as in the
 * persistence tests ({@link CycleRecordTest}). A subclass's own {@code @Before} runs after it is built.
 */
public abstract class InMemoryRecordTest {

    private final String today;
    protected InMemoryCycleRecord fixture;
    protected InMemoryCycleRecord record;

    protected InMemoryRecordTest(String today) {
        this.today = today;
    }

    @Before
    public void openRecord() {
        fixture = new InMemoryCycleRecord(today);
        record = fixture;
    }

    /** The entries of a cycle's log that record {@code action}, in order. */
    protected List<LogEntry> logged(String cycle, LogAction action) {
        return record.log().chain(cycle).stream().filter(e -> e.is(action)).toList();
    }
}
