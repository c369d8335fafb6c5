package org.ctemcycles.core.audit;

import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

/** The hash chain and its verifier, on chains tampered with in each way an auditor must notice. */
public class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");

    private static List<LogEntry> chain(int length) {
        List<LogEntry> entries = new ArrayList<>();
        String previous = LogChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            LogEntry entry = LogChain.link(new LogRecord("CTEM-1", T0.plusSeconds(i), "alice",
                    LogAction.STATUS_CHANGED, "finding:F-" + i, StateText.of("status", "OPEN").toString(),
                    StateText.of("status", "IN_PROGRESS").toString()), i, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static ChainHead head(List<LogEntry> entries) {
        return new ChainHead("CTEM-1", entries.size(), entries.get(entries.size() - 1).hash());
    }

    private static LogEntry withAfter(LogEntry e, String after) {
        return new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(), e.before(), after,
                e.previousHash(), e.hash());
    }

    private static LogEntry rehashed(LogEntry e) {
        return new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(), e.before(),
                e.after(), e.previousHash(), LogChain.hashOf(e));
    }

    private static ChainReport.Break broken(List<LogEntry> entries, ChainHead head) {
        ChainReport report = ChainVerifier.verify("CTEM-1", entries, head);
        assertFalse("the chain must be reported broken", report.intact());
        return report.firstBreak();
    }

    @Test
    public void anUntouchedChainIsIntact() {
        List<LogEntry> entries = chain(6);
        ChainReport report = ChainVerifier.verify("CTEM-1", entries, head(entries));
        assertTrue(String.valueOf(report.firstBreak()), report.intact());
        assertEquals(6, report.entries());
        assertTrue(ChainVerifier.verify("CTEM-1", List.of(), null).intact());
    }

    @Test
    public void eachEntryCommitsToThePreviousOne() {
        List<LogEntry> entries = chain(3);
        assertEquals(LogChain.GENESIS, entries.get(0).previousHash());
        assertEquals(entries.get(0).hash(), entries.get(1).previousHash());
        assertEquals(entries.get(1).hash(), entries.get(2).previousHash());
        assertEquals(64, entries.get(2).hash().length());
    }

    @Test
    public void anEditedEntryIsNamed() {
        List<LogEntry> entries = new ArrayList<>(chain(6));
        entries.set(3, withAfter(entries.get(3), StateText.of("status", "VERIFIED").toString()));
        ChainReport.Break found = broken(entries, head(chain(6)));
        assertEquals(ChainReport.Kind.EDITED, found.kind());
        assertEquals(4, found.sequence());
        assertEquals("entry 4 was edited: its content no longer matches its hash", found.toString());
    }

    @Test
    public void anEntryEditedAndRehashedIsNamedByTheNextOnesCommitment() {
        List<LogEntry> entries = new ArrayList<>(chain(6));
        entries.set(2, rehashed(withAfter(entries.get(2), "{\"status\":\"VERIFIED\"}")));
        ChainReport.Break found = broken(entries, head(entries));
        assertEquals(ChainReport.Kind.EDITED, found.kind());
        assertEquals(3, found.sequence());
    }

    @Test
    public void theLastEntryEditedAndRehashedIsCaughtByTheHead() {
        List<LogEntry> original = chain(6);
        List<LogEntry> entries = new ArrayList<>(original);
        entries.set(5, rehashed(withAfter(entries.get(5), "{}")));
        ChainReport.Break found = broken(entries, head(original));
        assertEquals(ChainReport.Kind.EDITED, found.kind());
        assertEquals(6, found.sequence());
    }

    @Test
    public void aDeletedEntryIsNamed() {
        List<LogEntry> original = chain(6);
        List<LogEntry> entries = new ArrayList<>(original);
        entries.remove(2);
        ChainReport.Break found = broken(entries, head(original));
        assertEquals(ChainReport.Kind.DELETED, found.kind());
        assertEquals(3, found.sequence());
    }

    @Test
    public void theFirstAndTheLastEntriesDeletedAreNamed() {
        List<LogEntry> original = chain(6);
        List<LogEntry> withoutFirst = new ArrayList<>(original.subList(1, 6));
        assertEquals(new ChainReport.Break(ChainReport.Kind.DELETED, 1, "entry 2 commits to an entry that is no"
                + " longer there"), broken(withoutFirst, head(original)));
        List<LogEntry> withoutLast = new ArrayList<>(original.subList(0, 5));
        ChainReport.Break found = broken(withoutLast, head(original));
        assertEquals(ChainReport.Kind.DELETED, found.kind());
        assertEquals(6, found.sequence());
    }

    @Test
    public void anInsertedEntryIsNamedEvenWhenItsOwnHashIsRight() {
        List<LogEntry> original = chain(6);
        // a forger inserts a well-formed entry at place 3 and renumbers the rest
        LogEntry forged = LogChain.link(new LogRecord("CTEM-1", T0.plusSeconds(100), "mallory",
                LogAction.RISK_ACCEPTED, "finding:F-9", "", "{}"), 3, original.get(1).hash());
        List<LogEntry> entries = new ArrayList<>(original.subList(0, 2));
        entries.add(forged);
        for (LogEntry e : original.subList(2, 6)) {
            entries.add(new LogEntry(e.cycleKey(), e.sequence() + 1, e.at(), e.actor(), e.action(), e.subject(),
                    e.before(), e.after(), e.previousHash(), e.hash()));
        }
        ChainReport.Break found = broken(entries, head(original));
        assertEquals(ChainReport.Kind.INSERTED, found.kind());
        assertEquals(3, found.sequence());
    }

    @Test
    public void anEntryAppendedBehindTheHeadsBackIsNamed() {
        List<LogEntry> original = chain(5);
        List<LogEntry> entries = new ArrayList<>(original);
        entries.add(LogChain.link(new LogRecord("CTEM-1", T0.plusSeconds(50), "mallory", LogAction.STATUS_CHANGED,
                "finding:F-1", "", "{}"), 6, original.get(4).hash()));
        ChainReport.Break found = broken(entries, head(original));
        assertEquals(ChainReport.Kind.INSERTED, found.kind());
        assertEquals(6, found.sequence());
    }

    @Test
    public void everyFieldTakesPartInTheHashAndFieldsCannotBeShiftedIntoEachOther() {
        LogEntry base = chain(1).get(0);
        String hash = LogChain.hashOf(base);
        assertNotEquals(hash, LogChain.hashOf(new LogEntry("CTEM-2", 1, base.at(), base.actor(), base.action(),
                base.subject(), base.before(), base.after(), base.previousHash(), "")));
        assertNotEquals(hash, LogChain.hashOf(new LogEntry(base.cycleKey(), 1, base.at().plusMillis(1), base.actor(),
                base.action(), base.subject(), base.before(), base.after(), base.previousHash(), "")));
        assertNotEquals(hash, LogChain.hashOf(new LogEntry(base.cycleKey(), 1, base.at(), "bob", base.action(),
                base.subject(), base.before(), base.after(), base.previousHash(), "")));
        LogEntry ab = new LogEntry("K", 1, T0, "ab", "c", "", "", "", "", "");
        LogEntry a = new LogEntry("K", 1, T0, "a", "bc", "", "", "", "", "");
        assertNotEquals(LogChain.hashOf(ab), LogChain.hashOf(a));
    }

    @Test
    public void stateTextIsJsonWithEscapes() {
        assertEquals("{\"note\":\"say \\\"why\\\"\\n\\\\ok\",\"empty\":\"\"}",
                StateText.of("note", "say \"why\"\n\\ok").and("empty", null).toString());
    }
}
