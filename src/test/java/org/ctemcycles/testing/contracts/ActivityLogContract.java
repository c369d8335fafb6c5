package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainHead;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogChain;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** What every {@link ActivityLog} promises: one hash chain per cycle, in sequence order, nothing changed. */
public abstract class ActivityLogContract {

    private ActivityLog log;

    protected abstract ActivityLog activityLog();

    @Before
    public void create() {
        log = activityLog();
    }

    private static LogRecord record(String cycle, String at, String subject) {
        return new LogRecord(cycle, Instant.parse(at), "lead", LogAction.CYCLE_OPENED, subject, "",
                "{\"name\":\"\u2018x\u2019\"}");
    }

    @Test
    public void appendsLinkOneChainPerCycleInSequenceOrder() {
        LogEntry first = log.append(record("A", "2026-07-01T09:00:00Z", "cycle:A"));
        LogEntry other = log.append(record("B", "2026-07-01T09:00:01Z", "cycle:B"));
        LogEntry second = log.append(record("A", "2026-07-01T09:00:02Z", "finding:F-1"));
        assertEquals(1, first.sequence());
        assertEquals(LogChain.GENESIS, first.previousHash());
        assertEquals(1, other.sequence());
        assertEquals(2, second.sequence());
        assertEquals(first.hash(), second.previousHash());
        assertEquals(LogChain.hashOf(second), second.hash());
        assertEquals(List.of(first, second), log.chain("A"));
        assertEquals(Optional.of(new ChainHead("A", 2, second.hash())), log.head("A"));
        assertTrue(log.verify("A").intact());
        assertEquals(List.of(), log.chain("C"));
        assertEquals(Optional.empty(), log.head("C"));
    }

    @Test
    public void chainsAreSortedAndAboutIsOldestFirstAcrossCycles() {
        log.append(record("B", "2026-07-01T09:00:05Z", "finding:F-1"));
        log.append(record("A", "2026-07-01T09:00:01Z", "finding:F-1"));
        log.append(record("A", "2026-07-01T09:00:03Z", "finding:F-2"));
        assertEquals(List.of("A", "B"), log.chains());
        assertEquals(List.of("A", "B"), log.about("finding:F-1").stream().map(LogEntry::cycleKey).toList());
        assertEquals(List.of(), log.about("finding:F-9"));
    }
}
