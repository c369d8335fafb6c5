package org.ctemcycles.core.cadence;

import java.util.Optional;

/**
 * The port through which record digests read the rows they cover as they are stored: every field of each register
 * entry, finding and decision hashed into a {@link RowLeaf}, so that an edit made to a row behind the app's back
 * changes its leaf. Each iteration reads the rows again, a page at a time, in the order named.
 */
public interface RecordRows {

    /** The cycle's register entries, by row id. */
    Iterable<RowLeaf> register(String cycleKey);

    /** The cycle's findings, by row id. */
    Iterable<RowLeaf> findings(String cycleKey);

    /** The decisions of one prioritisation run, by rank. */
    Iterable<RowLeaf> decisions(String runId);

    /** The run of the cycle's current queue (its newest ranking), if it was ever prioritised. */
    Optional<String> queueRun(String cycleKey);

    /** The highest discovery run id of the cycle, 0 when none was recorded. */
    long lastRun(String cycleKey);
}
