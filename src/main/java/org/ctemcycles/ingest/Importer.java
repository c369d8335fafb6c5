package org.ctemcycles.ingest;

import java.io.InputStream;

/**
 * Reads one report format into observations, streaming: it never holds the whole file, and it hands each
 * observation to the sink as soon as it is read. One implementation per format, each in its own package.
 */
public interface Importer {

    /** The format's short name, e.g. "sarif", "nessus", "zap-json". */
    String format();

    /**
     * Whether the report looks like this format, judged from its first bytes only (already decompressed).
     *
     * @param head up to the first 8 KiB of the report
     */
    boolean accepts(byte[] head);

    /**
     * Reads the whole report into the sink.
     *
     * @throws ImportException naming the line or offset when the report is malformed, hostile, or over a limit
     */
    void read(InputStream report, ImportLimits limits, ObservationSink sink) throws ImportException;
}
