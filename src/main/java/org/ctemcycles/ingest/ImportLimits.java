package org.ctemcycles.ingest;

/**
 * Bounds on what one import may take in, so that a hostile or runaway report cannot exhaust memory or the database.
 *
 * @param maxBytes        the largest report, after decompression
 * @param maxObservations the most observations one report may yield
 * @param maxFieldLength  the longest text field kept (longer ones are rejected, not truncated silently)
 * @param maxDepth        the deepest JSON or XML nesting accepted
 */
public record ImportLimits(long maxBytes, int maxObservations, int maxFieldLength, int maxDepth) {

    /** Defaults sized for real scanner output: 1 GiB, 2,000,000 observations, 1 MiB per field, depth 256. */
    public static ImportLimits defaults() {
        return new ImportLimits(1L << 30, 2_000_000, 1 << 20, 256);
    }
}
