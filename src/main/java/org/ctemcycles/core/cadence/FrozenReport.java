package org.ctemcycles.core.cadence;

import java.time.Instant;

/**
 * One rendering of a cycle's evidence pack as it was frozen at closure: which rendering ({@code json}, {@code html}),
 * when, and the SHA-256 and length of its UTF-8 bytes. The closure's log entry commits the same figures, so the
 * stored bytes can be checked against the hash chain.
 */
public record FrozenReport(String cycleKey, String rendering, Instant frozenAt, String sha256, long bytes) {

    /** The evidence pack as JSON: the canonical rendering, the one an auditor downloads and checks. */
    public static final String JSON = "json";
    /** The evidence pack as the report template's whole document, stored beside the JSON it was rendered with. */
    public static final String HTML = "html";

    /** The log entry's field that holds this rendering's hash ({@code jsonSha256}). */
    public String hashField() {
        return hashField(rendering);
    }

    public static String hashField(String rendering) {
        return rendering + "Sha256";
    }

    public static String bytesField(String rendering) {
        return rendering + "Bytes";
    }
}
