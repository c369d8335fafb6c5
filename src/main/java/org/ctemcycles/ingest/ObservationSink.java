package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;

/**
 * Receives what an importer reads: each observation, and each message about input it did not turn into one. The
 * messages are of two kinds, and the difference decides whether a discovery run may count as complete:
 * {@link #warning} for input read whole that is not an exposure by design (a passed check, a fixed result) or a value
 * left out of an observation (an invalid CVSS vector); {@link #skipped} for a record that could not be read, or was
 * read only in part (a malformed or truncated line, a record over a limit, a result without the identity it needs).
 * A report with anything skipped was not read whole: its run is partial.
 */
public interface ObservationSink {

    void observation(Observation observation);

    /** A note about input that was read whole, named with its line or offset (e.g. "skipped 3 passed checks"). */
    void warning(String message);

    /** A record that was not read, or only in part, named with its line or offset; makes the report partial. */
    default void skipped(String message) {
        warning(message);
    }
}
