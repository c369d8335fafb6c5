package org.ctemcycles.core.audit;


/**
 * Checks one cycle's activity log against its hash chain and reports the first entry that was edited, inserted or
 * deleted. Entries are read in sequence order; the recorded {@link ChainHead} catches changes at the end of the
 * chain, which no later entry could reveal.
 *
 * <p>At each entry, in this order: an entry that commits to the entry two places back means the one between was
 * inserted; an entry whose own hash no longer matches its fields was edited; an entry that commits to a hash no
 * entry before it has means the entry before it was deleted (when a sequence number is missing) or edited and
 * re-hashed (when none is); a well-linked entry after a gap in the numbering was inserted there.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param entries the cycle's entries, ordered by sequence (read once)
     * @param head    the recorded head, or null when none was recorded (a chain that was never appended to, or whose
     *                head record was removed)
     */
    public static ChainReport verify(String cycleKey, Iterable<LogEntry> entries, ChainHead head) {
        Pass pass = new Pass(cycleKey);
        entries.forEach(pass::accept);
        return pass.finish(head);
    }

    /**
     * One verification pass, fed an entry at a time in sequence order, for a reader that goes through the chain for
     * something else as well (the evidence pack): it holds two hashes, whatever the chain's length.
     */
    public static final class Pass {

        private final String cycleKey;
        private String previousHash = LogChain.GENESIS;
        private String hashBeforePrevious;
        private LogEntry previous;
        private long expected = 1;
        private long count;
        private ChainReport.Break found;

        public Pass(String cycleKey) {
            this.cycleKey = cycleKey;
        }

        public void accept(LogEntry entry) {
            count++;
            if (found != null) {
                return; // the first break is the report; the rest is only counted
            }
            found = check(entry, previous, previousHash, hashBeforePrevious, expected);
            hashBeforePrevious = previousHash;
            previousHash = entry.hash();
            previous = entry;
            expected = entry.sequence() + 1;
        }

        /** The report, once every entry was accepted; {@code head} as for {@link ChainVerifier#verify}. */
        public ChainReport finish(ChainHead head) {
            if (found != null) {
                return new ChainReport(cycleKey, count, found);
            }
            long last = expected - 1;
            if (head == null && last > 0) {
                return new ChainReport(cycleKey, count, new ChainReport.Break(ChainReport.Kind.HEAD_MISSING, last,
                        "the chain has " + last + " entries, so entries at its end may have been removed"));
            }
            long recorded = head == null ? 0 : head.length();
            if (recorded > last) {
                return new ChainReport(cycleKey, count, new ChainReport.Break(ChainReport.Kind.DELETED, last + 1,
                        "the chain ends at entry " + last + " but its head records " + recorded + " entries"));
            }
            if (recorded < last) {
                return new ChainReport(cycleKey, count, new ChainReport.Break(ChainReport.Kind.INSERTED,
                        recorded + 1, "the head records " + recorded + " entries but the chain goes on to entry "
                        + last));
            }
            if (head != null && last > 0 && !head.hash().equals(previousHash)) {
                return new ChainReport(cycleKey, count, new ChainReport.Break(ChainReport.Kind.EDITED, last,
                        "its hash differs from the one the chain's head recorded (changed and re-hashed)"));
            }
            return new ChainReport(cycleKey, count, null);
        }
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
