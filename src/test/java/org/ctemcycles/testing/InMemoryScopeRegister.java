package org.ctemcycles.testing;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.scope.Surface;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ScopeRegister} held in memory, in the order surfaces were registered, as the port promises (the store's
 * surfaces, {@code store.AoSurfaceRepository}, serve discovery too, which breaks ties between equally specific
 * rules by that order).
 */
public class InMemoryScopeRegister implements ScopeRegister {

    private final Map<String, Surface> surfaces = new LinkedHashMap<>();

    @Override
    public synchronized List<Surface> list(String cycleKey) {
        return surfaces.values().stream().filter(s -> s.cycleKey().equals(cycleKey)).toList();
    }

    @Override
    public synchronized Optional<Surface> find(String cycleKey, String surfaceKey) {
        return Optional.ofNullable(surfaces.get(id(cycleKey, surfaceKey)));
    }

    @Override
    public synchronized boolean add(Surface surface) {
        return surfaces.putIfAbsent(id(surface.cycleKey(), surface.key()), surface) == null;
    }

    @Override
    public synchronized void update(Surface surface) {
        if (surfaces.replace(id(surface.cycleKey(), surface.key()), surface) == null) {
            throw new NotFoundException("no surface " + surface.key() + " in cycle " + surface.cycleKey());
        }
    }

    private static String id(String cycleKey, String surfaceKey) {
        return cycleKey + "\u0000" + surfaceKey;
    }
}
