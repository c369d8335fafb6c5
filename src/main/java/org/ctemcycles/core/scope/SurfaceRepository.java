package org.ctemcycles.core.scope;

import java.util.List;
import java.util.Optional;

/** The port through which surfaces and their scope rules are stored; store/ implements it on Active Objects. */
public interface SurfaceRepository {

    /**
     * Stores a new surface with its rules.
     *
     * @return false, with nothing stored, when the cycle already has a surface with that key
     */
    boolean insert(Surface surface);

    Optional<Surface> find(String cycleKey, String surfaceKey);

    /** The cycle's surfaces with their rules, in the order they were registered. */
    List<Surface> list(String cycleKey);
}
