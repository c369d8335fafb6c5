package org.ctemcycles.core.cadence;

import java.util.Optional;

/** The port through which closure summaries are stored, one per closed cycle; writes join the caller's transaction. */
public interface ClosureRepository {

    /**
     * Stores the summary of a cycle that has none.
     *
     * @throws org.ctemcycles.core.common.ConflictException when the cycle already has one (also when another node
     *                                                       stored it a moment earlier)
     */
    void insert(ClosureSummary summary);

    Optional<ClosureSummary> find(String cycleKey);
}
