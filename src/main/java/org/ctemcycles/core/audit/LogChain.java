package org.ctemcycles.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        MessageDigest digest = sha256();
        field(digest, entry.cycleKey());
        field(digest, Long.toString(entry.sequence()));
        field(digest, Long.toString(entry.at().toEpochMilli()));
        field(digest, entry.actor());
        field(digest, entry.action());
        field(digest, entry.subject());
        field(digest, entry.before());
        field(digest, entry.after());
        field(digest, entry.previousHash() == null ? "" : entry.previousHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
