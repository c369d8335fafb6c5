package org.ctemcycles.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a list of text fields, each length-prefixed ({@code 5:hello}), so that no two different lists encode
 * to the same bytes; null counts as "". The activity log's entry hashes and the record digests' row leaves are made
 * this way.
 */
public final class FieldHash {

    private final MessageDigest digest;

    private FieldHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static FieldHash start() {
        return new FieldHash();
    }

    public FieldHash add(String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        return this;
    }

    public FieldHash add(long value) {
        return add(Long.toString(value));
    }

    /** The hash as 64 hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a whole text (UTF-8), as 64 hex digits. */
    public static String of(String text) {
        FieldHash hash = new FieldHash();
        hash.digest.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash.digest.digest());
    }
}
