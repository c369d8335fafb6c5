package org.ctemcycles.core.discovery;

import java.util.List;
import java.util.Optional;

/** The port through which scheduled discovery sources and their recent runs are stored. */
public interface SourceRepository {

    /** How many runs of each source are kept: the newest. */
    int KEPT_RUNS = 10;

    /** Stores a new source; answers it with its id. */
    DiscoverySource insert(DiscoverySource source);

    /** Every source, in id order. */
    List<DiscoverySource> list();

    /** The sources of one cycle, in id order. */
    List<DiscoverySource> list(String cycleKey);

    Optional<DiscoverySource> find(long id);

    /** Removes the source and its runs; @return whether there was such a source */
    boolean remove(long id);

    /** Records a run's time, outcome and the source's count of failed runs in a row. */
    void recorded(DiscoverySource ran);

    /** Adds a run of a source, keeping only its newest {@link #KEPT_RUNS}. */
    void addRun(SourceRun run);

    /** The newest runs of a source, newest first, at most {@code limit}. */
    List<SourceRun> runs(long sourceId, int limit);
}
