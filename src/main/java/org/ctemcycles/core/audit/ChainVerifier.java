package org.ctemcycles.core.audit;


/**
 * Checks one cycle's activity log against its hash chain and reports the first entry that was edited, inserted or
 * deleted. Entries are read in sequence order; the recorded {@link ChainHead} catches changes at the end of the
 * chain, which no later entry could reveal. A cycle's log must exist and start with the cycle's opening (or, for a
 * cycle older than the log, the upgrade that started it): a deleted log, or one whose start was replaced, is a break.
 * With a key ({@link LogAnchor}), every entry and the head must also carry the anchor the key gives, which no one
 * without the key can write for a re-hashed entry or a head moved back.
 *
 * <p>At each entry, in this order: an entry that commits to the entry two places back means the one between was
 * inserted; an entry whose own hash no longer matches its fields was edited; an entry that commits to a hash no
 * entry before it has means the entry before it was deleted (when a sequence number is missing) or edited and
 * re-hashed (when none is); a well-linked entry after a gap in the numbering was inserted there; a first entry that
 * is not the opening replaced the start; a well-linked entry without its keyed anchor was changed and re-hashed.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * Verifies without a key (the hash chain and the head only).
     *
     * @param entries the cycle's entries, ordered by sequence (read once)
     * @param head    the recorded head, or null when none was recorded (a chain that was never appended to, or whose
     *                head record was removed)
     */
    public static ChainReport verify(String cycleKey, Iterable<LogEntry> entries, ChainHead head) {
        return verify(cycleKey, entries, head, LogAnchor.unkeyed());
    }

    /** Verifies with the keyed anchor as well, when {@code anchor} has a key. */
    public static ChainReport verify(String cycleKey, Iterable<LogEntry> entries, ChainHead head, LogAnchor anchor) {
        Pass pass = new Pass(cycleKey, anchor);
        entries.forEach(pass::accept);
        return pass.finish(head);
    }

    /**
     * One verification pass, fed an entry at a time in sequence order, for a reader that goes through the chain for
     * something else as well (the evidence pack): it holds two hashes, whatever the chain's length.
     */
    public static final class Pass {

        private final String cycleKey;
        private final LogAnchor anchor;
        private String previousHash = LogChain.GENESIS;
        private String hashBeforePrevious;
        private LogEntry previous;
        private long expected = 1;
        private long count;
        private ChainReport.Break found;

        public Pass(String cycleKey, LogAnchor anchor) {
            this.cycleKey = cycleKey;
            this.anchor = anchor;
        }

        public void accept(LogEntry entry) {
            count++;
            if (found != null) {
                return; // the first break is the report; the rest is only counted
            }
            found = check(entry, previous, previousHash, hashBeforePrevious, expected);
            if (found == null) {
                found = anchored(entry, previous, anchor);
            }
            hashBeforePrevious = previousHash;
            previousHash = entry.hash();
            previous = entry;
            expected = entry.sequence() + 1;
        }

        /** The report, once every entry was accepted; {@code head} as for {@link ChainVerifier#verify}. */
        public ChainReport finish(ChainHead head) {
            return new ChainReport(cycleKey, count, found != null ? found : ending(head), anchor.keyId());
        }

        private ChainReport.Break ending(ChainHead head) {
            long last = expected - 1;
            if (count == 0) {
                return new ChainReport.Break(ChainReport.Kind.LOG_MISSING, 1, "the cycle has no log entry"
                        + (head == null ? ", not even its opening (the log and its head were deleted)"
                        : ", although the chain's head records " + head.length() + " entries"));
            }
            if (head == null) {
                return new ChainReport.Break(ChainReport.Kind.HEAD_MISSING, last,
                        "the chain has " + last + " entries, so entries at its end may have been removed");
            }
            if (head.length() > last) {
                return new ChainReport.Break(ChainReport.Kind.DELETED, last + 1,
                        "the chain ends at entry " + last + " but its head records " + head.length() + " entries");
            }
            if (head.length() < last) {
                return new ChainReport.Break(ChainReport.Kind.INSERTED, head.length() + 1, "the head records "
                        + head.length() + " entries but the chain goes on to entry " + last);
            }
            if (!head.hash().equals(previousHash)) {
                return new ChainReport.Break(ChainReport.Kind.EDITED, last,
                        "its hash differs from the one the chain's head recorded (changed and re-hashed)");
            }
            if (!anchor.holds(head)) {
                return new ChainReport.Break(ChainReport.Kind.HEAD_REWRITTEN, last, "it records " + last
                        + " entries ending in entry " + last + " but " + (head.anchor().isEmpty()
                        ? "carries no keyed anchor" : "its keyed anchor does not match")
                        + ", so it was not written by the app with the anchor key (e.g. it was moved back after"
                        + " entries at the end of the chain were removed)");
            }
            return null;
        }
    }

    /** A break found by the start of the log or by the keyed anchor, once the hashes link up. */
    private static ChainReport.Break anchored(LogEntry entry, LogEntry previous, LogAnchor anchor) {
        if (previous == null && !entry.is(LogAction.CYCLE_OPENED, LogAction.SCHEMA_UPGRADED)) {
            return new ChainReport.Break(ChainReport.Kind.NOT_OPENED, entry.sequence(), "it records '"
                    + entry.actionLabel() + "', so the start of the log was replaced");
        }
        if (!anchor.holds(entry)) {
            return new ChainReport.Break(ChainReport.Kind.REHASHED, entry.sequence(), entry.anchor().isEmpty()
                    ? "it carries no keyed anchor, so it was not written by the app with the anchor key"
                    : "its keyed anchor does not match its hash, so it was changed without the anchor key (or the"
                    + " key at hand is not the one the log was written with)");
        }
        return null;
    }

    private static ChainReport.Break check(LogEntry entry, LogEntry previous, String previousHash,
                                           String hashBeforePrevious, long expected) {
        boolean linked = previousHash.equals(entry.previousHash());
        if (!linked && previous != null && entry.previousHash() != null
                && entry.previousHash().equals(hashBeforePrevious)) {
            return new ChainReport.Break(ChainReport.Kind.INSERTED, previous.sequence(),
                    "entry " + entry.sequence() + " commits to the entry before it");
        }
        if (!LogChain.hashOf(entry).equals(entry.hash())) {
            return new ChainReport.Break(ChainReport.Kind.EDITED, entry.sequence(),
                    "its content no longer matches its hash");
        }
        if (!linked) {
            if (entry.sequence() > expected) {
                return new ChainReport.Break(ChainReport.Kind.DELETED, expected,
                        "entry " + entry.sequence() + " commits to an entry that is no longer there");
            }
            if (previous == null) {
                return new ChainReport.Break(ChainReport.Kind.EDITED, entry.sequence(),
                        "the first entry does not start the chain");
            }
            return new ChainReport.Break(ChainReport.Kind.EDITED, previous.sequence(),
                    "entry " + entry.sequence() + " committed to a different version of it (changed and re-hashed)");
        }
        if (entry.sequence() != expected) {
            return new ChainReport.Break(ChainReport.Kind.INSERTED, entry.sequence(),
                    "expected entry " + expected + " here, found a well-linked entry numbered " + entry.sequence());
        }
        return null;
    }
}
