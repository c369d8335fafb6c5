package org.ctemcycles.core.cycle;

import java.util.List;
import java.util.Optional;

/** The port through which cycles are stored; store/ implements it on Active Objects. */
public interface CycleRepository {

    /**
     * Stores a new cycle.
     *
     * @return false, with nothing stored, when a cycle with the same key already exists (also when another node
     *         inserted it a moment earlier)
     */
    boolean insert(Cycle cycle);

    Optional<Cycle> find(String key);

    /** All cycles, newest start date first, then by key. */
    List<Cycle> list();
}
