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

    /**
     * Stores a changed cycle as the revision after {@code changed.version()}, joining the caller's transaction.
     *
     * @return the cycle as stored, with its new version
     * @throws org.ctemcycles.core.common.ConflictException when the stored cycle is no longer at
     *                                                       {@code changed.version()} (someone else changed it first,
     *                                                       even on another node at the same moment)
     */
    Cycle update(Cycle changed);
}
