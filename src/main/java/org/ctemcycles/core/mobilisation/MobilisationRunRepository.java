package org.ctemcycles.core.mobilisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port through which mobilisation runs and their items are stored. Writes join the caller's transaction; reads
 * of a run cost the same few queries whatever its size.
 */
public interface MobilisationRunRepository {

    /** Stores a new run (its counts are ignored) and its items, pending, in one batch. */
    void insert(MobilisationRun run, List<RunItem> items);

    /** The run with its counts taken from its items. */
    Optional<MobilisationRun> find(String runId);

    /** The cycle's runs, newest first. */
    List<MobilisationRun> list(String cycleKey);

    /** The ids of the runs of every cycle that are not finished, oldest first. */
    List<String> unfinished();

    /** The run's next pending items in position order, at most {@code limit}. */
    List<RunItem> pending(String runId, int limit);

    /** The run's items after a position, in position order, at most {@code limit}. */
    List<RunItem> items(String runId, int afterPosition, int limit);

    /** Stores the outcomes of items of one run (matched by position) and notes the run's progress at {@code at}. */
    void record(List<RunItem> outcomes, Instant at);

    void setState(String runId, MobilisationRun.State state, Instant at);
}
