package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;

/** Receives what an importer reads: each observation, and each warning about input it skipped. */
public interface ObservationSink {

    void observation(Observation observation);

    /** Something skipped but not fatal (e.g. a malformed Nuclei line), named with its line or offset. */
    void warning(String message);
}
