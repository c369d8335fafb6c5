package org.ctemcycles.core.cadence;

import org.ctemcycles.core.audit.ChainHead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a checkpoint or the closure committed to: the head of the cycle's activity log just before its own entry,
 * and a digest of the register, the findings and the current queue's decisions as they stood, each the SHA-256 of
 * its leaves ({@link RowLeaf}: one line per row, in row order) with the row count. The log entry of the checkpoint
 * or closure carries the same values, so the stored digest is as tamper-evident as the log; the leaves themselves are
 * stored beside it ({@link RecordDigestRepository}) so that verification can name the row that changed.
 *
 * @param logSequence the sequence number of the checkpoint's or closure's log entry
 * @param lastRun     the highest discovery run of the cycle then: later runs may change findings legitimately
 * @param queueRun    the run of the queue whose decisions were digested ("" when never prioritised)
 */
public record RecordDigest(String cycleKey, long logSequence, Kind kind, LocalDate day, Instant at, ChainHead head,
                           long lastRun, String queueRun, Map<DigestedSet, Part> parts) {

    /** What committed the digest. */
    public enum Kind {
        CHECKPOINT("checkpoint"),
        CLOSURE("closure");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One set's digest: how many rows, and the SHA-256 (hex) of their leaves. */
    public record Part(int rows, String root) {

        /** As the log entry records it, e.g. "18 rows, sha256 3fa2...". */
        @Override
        public String toString() {
            return rows + " rows, sha256 " + root;
        }
    }

    public RecordDigest {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(at, "at");
        queueRun = queueRun == null ? "" : queueRun;
        parts = Map.copyOf(parts);
        for (DigestedSet set : DigestedSet.values()) {
            Objects.requireNonNull(parts.get(set), set.label());
        }
    }

    /** This digest, committed by the log entry at {@code sequence}. */
    public RecordDigest committedAt(long sequence) {
        return new RecordDigest(cycleKey, sequence, kind, day, at, head, lastRun, queueRun, parts);
    }

    public Part part(DigestedSet set) {
        return parts.get(set);
    }

    /** E.g. "the checkpoint of 2026-10-15", "the closure on 2026-12-31". */
    public String label() {
        return kind == Kind.CHECKPOINT ? "the checkpoint of " + day : "the closure on " + day;
    }

    /** The chain's head as the log entry records it: "20 entries, last sha256 ab12..." ("0 entries" for none). */
    public static String headText(ChainHead head) {
        return head == null ? "0 entries" : head.length() + " entries, last sha256 " + head.hash();
    }
}
