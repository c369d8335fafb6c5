package org.ctemcycles.core.cycle;

import org.ctemcycles.core.scope.Surface;

import java.util.List;
import java.util.Optional;

/**
 * The port through which the cycle record reaches the surfaces in a cycle's scope. Discovery's surface store
 * implements it on Active Objects ({@code store.AoSurfaceRepository}); tests have an in-memory one.
 * {@link ScopeService} is the way to change surfaces: it validates and logs every change.
 */
public interface ScopeRegister {

    /** The cycle's surfaces, ordered by key. */
    List<Surface> list(String cycleKey);

    Optional<Surface> find(String cycleKey, String surfaceKey);

    /** @return false, with nothing stored, when the cycle already has a surface with that key */
    boolean add(Surface surface);

    /** Replaces the surface with the same cycle and key. */
    void update(Surface surface);
}
