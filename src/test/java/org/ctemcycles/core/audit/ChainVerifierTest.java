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
            LogEntry entry = LogChain.link(i == 1 ? new LogRecord("CTEM-1", T0, "alice", LogAction.CYCLE_OPENED,
                    "cycle:CTEM-1", "", StateText.of("stage", "SCOPING").toString())
                    : new LogRecord("CTEM-1", T0.plusSeconds(i), "alice", LogAction.STATUS_CHANGED, "finding:F-" + i,
                    StateText.of("status", "OPEN").toString(), StateText.of("status", "IN_PROGRESS").toString()), i,
                    previous);
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
                e.previousHash(), e.hash(), e.anchor());
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
    }

    @Test
    public void aCycleWithoutALogIsBroken() {
        ChainReport.Break found = broken(List.of(), null);
        assertEquals(ChainReport.Kind.LOG_MISSING, found.kind());
        assertEquals("the cycle's activity log is missing: the cycle has no log entry, not even its opening (the log"
                + " and its head were deleted)", found.toString());
        assertEquals(ChainReport.Kind.LOG_MISSING, broken(List.of(), new ChainHead("CTEM-1", 6, "ab")).kind());
    }

    @Test
    public void aLogThatDoesNotStartWithTheCyclesOpeningIsBroken() {
        // the whole log replaced by a well-formed chain that starts elsewhere
        List<LogEntry> forged = new ArrayList<>();
        String previous = LogChain.GENESIS;
        for (int i = 1; i <= 3; i++) {
            LogEntry entry = LogChain.link(new LogRecord("CTEM-1", T0.plusSeconds(i), "mallory",
                    LogAction.STATUS_CHANGED, "finding:F-" + i, "", "{}"), i, previous);
            forged.add(entry);
            previous = entry.hash();
        }
        ChainReport.Break found = broken(forged, head(forged));
        assertEquals(ChainReport.Kind.NOT_OPENED, found.kind());
        assertEquals("entry 1 does not open the cycle: it records 'Finding status changed', so the start of the log"
                + " was replaced", found.toString());
    }

    /** A chain written with the anchor key, as the app writes it. */
    private static List<LogEntry> anchored(List<LogEntry> entries, LogAnchor anchor) {
        return entries.stream().map(e -> e.anchored(anchor.entry(e))).toList();
    }

    private static ChainHead anchoredHead(List<LogEntry> entries, LogAnchor anchor) {
        LogEntry last = entries.get(entries.size() - 1);
        return new ChainHead("CTEM-1", entries.size(), last.hash(), anchor.head("CTEM-1", entries.size(),
                last.hash()));
    }

    /** Re-links a chain from {@code from} on (an editor with database access and no key), anchors left as they were. */
    private static List<LogEntry> relinked(List<LogEntry> entries, int from) {
        List<LogEntry> result = new ArrayList<>(entries.subList(0, from));
        String previous = from == 0 ? LogChain.GENESIS : entries.get(from - 1).hash();
        for (LogEntry e : entries.subList(from, entries.size())) {
            LogEntry unsigned = new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                    e.before(), e.after(), previous, "", e.anchor());
            LogEntry linked = new LogEntry(e.cycleKey(), e.sequence(), e.at(), e.actor(), e.action(), e.subject(),
                    e.before(), e.after(), previous, LogChain.hashOf(unsigned), e.anchor());
            result.add(linked);
            previous = linked.hash();
        }
        return result;
    }

    @Test
    public void aChainEditedAndRehashedToItsEndPassesWithoutTheKeyAndIsNamedWithIt() {
        LogAnchor anchor = LogAnchor.keyed(new byte[32]);
        List<LogEntry> original = anchored(chain(6), anchor);
        List<LogEntry> edited = new ArrayList<>(original);
        edited.set(2, withAfter(edited.get(2), StateText.of("status", "VERIFIED").toString()));
        List<LogEntry> rehashed = relinked(edited, 2);
        ChainHead movedHead = new ChainHead("CTEM-1", 6, rehashed.get(5).hash(), anchoredHead(original, anchor)
                .anchor());
        assertTrue("the hash chain alone cannot tell", ChainVerifier.verify("CTEM-1", rehashed, movedHead).intact());
        ChainReport report = ChainVerifier.verify("CTEM-1", rehashed, movedHead, anchor);
        assertEquals(ChainReport.Kind.REHASHED, report.firstBreak().kind());
        assertEquals("entry 3 was changed and re-hashed: its keyed anchor does not match its hash, so it was changed"
                + " without the anchor key (or the key at hand is not the one the log was written with)",
                report.firstBreak().toString());
        assertEquals(anchor.keyId(), report.anchorKeyId());
    }

    @Test
    public void aChainTruncatedWithItsHeadMovedBackPassesWithoutTheKeyAndIsCaughtWithIt() {
        LogAnchor anchor = LogAnchor.keyed(new byte[32]);
        List<LogEntry> original = anchored(chain(6), anchor);
        List<LogEntry> truncated = original.subList(0, 4);
        ChainHead movedBack = new ChainHead("CTEM-1", 4, truncated.get(3).hash(), anchoredHead(original, anchor)
                .anchor());
        assertTrue(ChainVerifier.verify("CTEM-1", truncated, movedBack).intact());
        ChainReport.Break found = ChainVerifier.verify("CTEM-1", truncated, movedBack, anchor).firstBreak();
        assertEquals(ChainReport.Kind.HEAD_REWRITTEN, found.kind());
        assertEquals(4, found.sequence());
        assertTrue(found.toString(), found.toString().startsWith("the chain's head was rewritten: it records 4"
                + " entries ending in entry 4 but its keyed anchor does not match"));
        assertTrue(ChainVerifier.verify("CTEM-1", original, anchoredHead(original, anchor), anchor).intact());
    }

    @Test
    public void anEntryWithoutItsAnchorOrUnderAnotherKeyIsNamed() {
        LogAnchor anchor = LogAnchor.keyed(new byte[32]);
        List<LogEntry> chain = chain(3);
        ChainReport.Break unanchored = ChainVerifier.verify("CTEM-1", chain, head(chain), anchor).firstBreak();
        assertEquals(ChainReport.Kind.REHASHED, unanchored.kind());
        assertEquals(1, unanchored.sequence());
        assertTrue(unanchored.reason(), unanchored.reason().startsWith("it carries no keyed anchor"));
        byte[] other = new byte[32];
        other[0] = 1;
        LogAnchor otherKey = LogAnchor.keyed(other);
        List<LogEntry> elsewhere = anchored(chain, otherKey);
        assertEquals(1, ChainVerifier.verify("CTEM-1", elsewhere, anchoredHead(elsewhere, otherKey), anchor)
                .firstBreak().sequence());
        assertNotEquals("a key id names the key without revealing it", anchor.keyId(), otherKey.keyId());
        try {
            LogAnchor.keyed(new byte[16]);
            throw new AssertionError("a short key was accepted");
        } catch (IllegalArgumentException expected) {
            assertEquals("an anchor key needs at least 32 bytes", expected.getMessage());
        }
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
    public void stateTextReadsBackAsFieldsForPeople() {
        String state = StateText.of("note", "say \"why\"\n\\ok").and("empty", null).and("metrics", "a=1\nb=2\n")
                .toString();
        assertEquals(List.of(new StateText.Field("note", "say \"why\"\n\\ok"), new StateText.Field("empty", ""),
                new StateText.Field("metrics", "a=1\nb=2\n")), StateText.fields(state));
        assertEquals("note: say \"why\"\n  \\ok\nempty: \nmetrics: a=1\n  b=2", StateText.readable(state));
        assertEquals("note: say \"why\", \\ok; empty: ; metrics: a=1, b=2", StateText.inline(state));
        assertEquals("text that is not the log's format shows as it is", List.of(new StateText.Field("",
                "{\"a\":1}")), StateText.fields("{\"a\":1}"));
        assertEquals(List.of(), StateText.fields(""));
    }

    @Test
    public void stateTextIsJsonWithEscapes() {
        assertEquals("{\"note\":\"say \\\"why\\\"\\n\\\\ok\",\"empty\":\"\"}",
                StateText.of("note", "say \"why\"\n\\ok").and("empty", null).toString());
    }
}
