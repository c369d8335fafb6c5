package org.ctemcycles.core.audit;

import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The hash of a log entry commits to every field, and the small vocabulary of the log. */
public class LogChainTest {

    private static final LogEntry BASE = LogChain.link(new LogRecord("CTEM-1", Instant.parse("2026-07-01T09:00:00Z"),
            "lead", LogAction.CYCLE_OPENED, "cycle:CTEM-1", "before", "after"), 3, "ab".repeat(32));

    private static LogEntry with(UnaryOperator<LogEntry> change) {
        return change.apply(BASE);
    }

    @Test
    public void everyFieldChangesTheHash() {
        List<LogEntry> variants = List.of(
                with(e -> new LogEntry("CTEM-2", e.sequence(), e.at(), e.actor(), e.action(), e.subject(), e.before(),
                        e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), 4, e.at(), e.actor(), e.action(), e.subject(), e.before(),
                        e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at().plusMillis(1), e.actor(), e.action(),
                        e.subject(), e.before(), e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), "other", e.action(), e.subject(),
                        e.before(), e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), "SCOPE_RECORDED", e.subject(),
                        e.before(), e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), "cycle:CTEM-2",
                        e.before(), e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        "changed", e.after(), e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        e.before(), "changed", e.previousHash(), "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        e.before(), e.after(), LogChain.GENESIS, "")),
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        e.before(), e.after(), null, "")),
                // moving a character from one field to the next must not keep the hash (length prefixes)
                with(e -> new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                        "befor", "eafter", e.previousHash(), "")));
        Set<String> hashes = new TreeSet<>();
        hashes.add(BASE.hash());
        for (LogEntry variant : variants) {
            assertTrue(variant.toString(), hashes.add(LogChain.hashOf(variant)));
        }
        assertEquals(BASE.hash(), LogChain.hashOf(BASE));
        assertEquals(64, BASE.hash().length());
        assertTrue(BASE.hash().matches("[0-9a-f]{64}"));
    }

    @Test
    public void theVocabularyOfTheLog() {
        assertEquals("Cycle opened", BASE.actionLabel());
        assertEquals("EDITED_BY_HAND", new LogEntry("A", 1, BASE.at(), null, "EDITED_BY_HAND", null, null, null,
                "", "").actionLabel());
        assertTrue(BASE.is(LogAction.SCOPE_RECORDED, LogAction.CYCLE_OPENED));
        assertFalse(BASE.is(LogAction.SCOPE_RECORDED));
        assertEquals("cycle:CTEM-1", LogRecord.cycleSubject("CTEM-1"));
        assertEquals("surface:PAY", LogRecord.surfaceSubject("PAY"));
        assertEquals("finding:F-1", LogRecord.findingSubject("F-1"));
        LogRecord record = new LogRecord("A", Instant.parse("2026-07-01T09:00:00.123456Z"), "x", LogAction.IMPORTED,
                "run:1", null, null);
        assertEquals(Instant.parse("2026-07-01T09:00:00.123Z"), record.at());
        assertEquals("", record.before());
        assertEquals("", record.after());
    }
}
