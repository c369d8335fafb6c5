package org.ctemcycles.core.cadence;

import java.util.List;

/** The port through which held checkpoints are stored (append only); writes join the caller's transaction. */
public interface CheckpointRepository {

    void insert(Checkpoint checkpoint);

    /** The cycle's checkpoints, oldest first. */
    List<Checkpoint> list(String cycleKey);
}
