package org.ctemcycles.core.audit;

import java.util.Optional;

/**
 * What {@link ChainVerifier} found in one cycle's activity log: how many entries it read and, when the chain is
 * broken, the first entry that was edited, inserted or deleted (or, when the entries are whole, that the record of
 * the chain's head is gone).
 */
public record ChainReport(String cycleKey, long entries, Break firstBreak) {

    /** How a chain was tampered with at one entry. */
    public enum Kind {
        EDITED("edited"),
        INSERTED("inserted"),
        DELETED("deleted"),
        /** the entries link up, but the recorded head of the chain is missing */
        HEAD_MISSING("head missing");

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
            return kind == Kind.HEAD_MISSING ? "the chain's head record is missing: " + reason
                    : "entry " + sequence + " was " + kind.word() + ": " + reason;
        }
    }

    public boolean intact() {
        return firstBreak == null;
    }

    public Optional<Break> broken() {
        return Optional.ofNullable(firstBreak);
    }
}
