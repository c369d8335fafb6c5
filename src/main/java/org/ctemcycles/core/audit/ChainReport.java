package org.ctemcycles.core.audit;

import java.util.Optional;

/**
 * What {@link ChainVerifier} found in one cycle's activity log: how many entries it read and, when the log is not
 * what was written, the first break: an entry edited, inserted or deleted, an entry changed and re-hashed (found by
 * its keyed anchor), a head missing or moved back, a log whose start is not the cycle's opening, or no log at all.
 *
 * @param anchorKeyId the fingerprint of the key the keyed anchors were checked with ({@link LogAnchor#keyId()}), or
 *                    "" when the log was verified without a key (its hash chain and head only)
 */
public record ChainReport(String cycleKey, long entries, Break firstBreak, String anchorKeyId) {

    public ChainReport {
        anchorKeyId = anchorKeyId == null ? "" : anchorKeyId;
    }

    /** A report of a log verified without a key. */
    public ChainReport(String cycleKey, long entries, Break firstBreak) {
        this(cycleKey, entries, firstBreak, "");
    }

    /** How a log was tampered with. */
    public enum Kind {
        EDITED("edited"),
        INSERTED("inserted"),
        DELETED("deleted"),
        /** the entry's hash links up, but its keyed anchor does not match: changed and re-hashed without the key */
        REHASHED("changed and re-hashed"),
        /** the entries link up, but the recorded head of the chain is missing */
        HEAD_MISSING("head missing"),
        /** the head's keyed anchor does not match: the head was rewritten (e.g. moved back over removed entries) */
        HEAD_REWRITTEN("head rewritten"),
        /** the cycle exists but its log has no entry */
        LOG_MISSING("log missing"),
        /** the first entry is not the cycle's opening: the start of the log was replaced */
        NOT_OPENED("not the cycle's opening");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The first break: its kind, the sequence number of the entry concerned, and why the verifier says so. */
    public record Break(Kind kind, long sequence, String reason) {

        @Override
        public String toString() {
            return switch (kind) {
                case HEAD_MISSING -> "the chain's head record is missing: " + reason;
                case HEAD_REWRITTEN -> "the chain's head was rewritten: " + reason;
                case LOG_MISSING -> "the cycle's activity log is missing: " + reason;
                case NOT_OPENED -> "entry " + sequence + " does not open the cycle: " + reason;
                default -> "entry " + sequence + " was " + kind.word() + ": " + reason;
            };
        }
    }

    public boolean intact() {
        return firstBreak == null;
    }

    public Optional<Break> broken() {
        return Optional.ofNullable(firstBreak);
    }

    /** Whether the keyed anchors were checked (a key was at hand). */
    public boolean keyed() {
        return !anchorKeyId.isEmpty();
    }
}
