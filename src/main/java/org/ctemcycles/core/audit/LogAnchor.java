package org.ctemcycles.core.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The keyed anchor of the activity log: an HMAC-SHA256, under a key held outside the database, of each entry's hash
 * and of each chain's head. Anyone who can write to the database can edit an entry and re-hash every entry after it,
 * and the hash chain alone would then verify; without the key they cannot write the anchors that go with the new
 * hashes, so verification with the key names the first re-hashed entry (or a head moved back after entries were
 * removed from the end). An installation without a key ({@link #unkeyed()}) writes no anchors and checks none, and
 * says so wherever the log is verified.
 *
 * <p>The entry and the head anchors are computed over different, length-prefixed messages ("entry" and "head"), so
 * an entry's anchor can never stand in for a head's.
 */
public final class LogAnchor {

    private static final LogAnchor UNKEYED = new LogAnchor(null);
    /** The shortest key accepted: 256 bits, the size of the HMAC-SHA256 output. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    private LogAnchor(byte[] key) {
        this.key = key;
    }

    /** No key: the log is anchored by its hash chain, its head and the heads recorded at checkpoints only. */
    public static LogAnchor unkeyed() {
        return UNKEYED;
    }

    /** Anchors under {@code key} (at least {@link #MIN_KEY_BYTES} bytes). */
    public static LogAnchor keyed(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an anchor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return new LogAnchor(key.clone());
    }

    public boolean keyed() {
        return key != null;
    }

    /**
     * The key's fingerprint: the first 12 hex digits of SHA-256 over a label and the key, so a report can say which
     * key it checked with without revealing it; "" when unkeyed.
     */
    public String keyId() {
        if (key == null) {
            return "";
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("ctem activity log anchor key".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The anchor an entry carries; "" when unkeyed. */
    public String entry(LogEntry entry) {
        return mac("entry", entry.cycleKey(), Long.toString(entry.sequence()), entry.hash());
    }

    /** The anchor a chain's head carries; "" when unkeyed. */
    public String head(String cycleKey, long length, String hash) {
        return mac("head", cycleKey, Long.toString(length), hash);
    }

    /** Whether an entry's stored anchor is the one the key gives (always true when unkeyed). */
    public boolean holds(LogEntry entry) {
        return !keyed() || same(entry(entry), entry.anchor());
    }

    /** Whether a head's stored anchor is the one the key gives (always true when unkeyed). */
    public boolean holds(ChainHead head) {
        return !keyed() || same(head(head.cycleKey(), head.length(), head.hash()), head.anchor());
    }

    private static boolean same(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String... fields) {
        if (key == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String field : fields) {
                byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
                mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return key == null ? "unkeyed" : "keyed anchor " + keyId();
    }
}
