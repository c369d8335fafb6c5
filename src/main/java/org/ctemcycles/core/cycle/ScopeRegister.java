package org.ctemcycles.core.cycle;

import org.ctemcycles.core.scope.Surface;

import java.util.List;
import java.util.Optional;

/**
 * The port through which the cycle record reaches the surfaces in a cycle's scope. Discovery's surface store
 * implements it on Active Objects ({@code store.AoSurfaceRepository}); tests have an in-memory one
 * ({@code testing.InMemoryScopeRegister}); {@code testing.contracts.ScopeRegisterContract} holds both to this.
 * {@link ScopeService} is the way to change surfaces: it validates and logs every change.
 */
public interface ScopeRegister {

    /**
     * The cycle's surfaces in the order they were registered: the order discovery's scope mapping breaks ties in
     * (the same store serves it as {@link org.ctemcycles.core.scope.SurfaceRepository}, whose {@code list} promises
     * that order).
     */
    List<Surface> list(String cycleKey);

    Optional<Surface> find(String cycleKey, String surfaceKey);

    /** @return false, with nothing stored, when the cycle already has a surface with that key */
    boolean add(Surface surface);

    /**
     * Replaces the surface with the same cycle and key.
     *
     * @throws org.ctemcycles.core.common.NotFoundException when the cycle has no surface with that key
     */
    void update(Surface surface);
}
