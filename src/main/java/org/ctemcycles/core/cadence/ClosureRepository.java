package org.ctemcycles.core.cadence;

import java.util.Optional;

/** The port through which closure summaries are stored, one per closed cycle; writes join the caller's transaction. */
public interface ClosureRepository {

    void insert(ClosureSummary summary);

    Optional<ClosureSummary> find(String cycleKey);
}
