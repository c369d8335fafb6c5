package org.ctemcycles.core.audit;

/**
 * The hash chain of an activity log: each entry's hash is SHA-256 over its cycle, position, time, actor, action,
 * subject, before and after states and the previous entry's hash. Every field is length-prefixed, so no two
 * different entries encode to the same bytes.
 */
public final class LogChain {

    /** The "previous hash" of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private LogChain() {
    }

    /** The entry that appends {@code record} at {@code sequence} after an entry whose hash is {@code previousHash}. */
    public static LogEntry link(LogRecord record, long sequence, String previousHash) {
        LogEntry unsigned = new LogEntry(record.cycleKey(), sequence, record.at(), record.actor(),
                record.action().name(), record.subject(), record.before(), record.after(), previousHash, "");
        return new LogEntry(unsigned.cycleKey(), sequence, unsigned.at(), unsigned.actor(), unsigned.action(),
                unsigned.subject(), unsigned.before(), unsigned.after(), previousHash, hashOf(unsigned));
    }

    /** The hash an entry must carry, computed from its other fields. */
    public static String hashOf(LogEntry entry) {
        return FieldHash.start().add(entry.cycleKey()).add(entry.sequence()).add(entry.at().toEpochMilli())
                .add(entry.actor()).add(entry.action()).add(entry.subject()).add(entry.before()).add(entry.after())
                .add(entry.previousHash()).hex();
    }
}
