package org.ctemcycles.core.cycle;

import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.scope.Surface;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ScopeRegister} held in memory, for tests and the command line (which saves its content between runs).
 * Thread-safe. Jira uses discovery's surface store instead: memory is not shared between the nodes of a cluster.
 */
public class InMemoryScopeRegister implements ScopeRegister {

    private final Map<String, Surface> surfaces = new TreeMap<>();

    public InMemoryScopeRegister() {
    }

    public InMemoryScopeRegister(Collection<Surface> initial) {
        initial.forEach(s -> surfaces.putIfAbsent(id(s.cycleKey(), s.key()), s));
    }

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

    /** Every surface of every cycle, ordered by cycle and key. */
    public synchronized List<Surface> all() {
        return new ArrayList<>(surfaces.values());
    }

    private static String id(String cycleKey, String surfaceKey) {
        return cycleKey + "\u0000" + surfaceKey;
    }
}
