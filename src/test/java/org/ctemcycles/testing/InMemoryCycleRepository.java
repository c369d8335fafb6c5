package org.ctemcycles.testing;

import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link CycleRepository} held in memory, for core's unit tests; {@code CycleRepositoryContract} holds it to the port. */
public class InMemoryCycleRepository implements CycleRepository {

    private final Map<String, Cycle> cycles = new HashMap<>();

    @Override
    public synchronized boolean insert(Cycle cycle) {
        return cycles.putIfAbsent(cycle.key(), cycle) == null;
    }

    @Override
    public synchronized Optional<Cycle> find(String key) {
        return Optional.ofNullable(cycles.get(key));
    }

    @Override
    public synchronized List<Cycle> list() {
        List<Cycle> all = new ArrayList<>(cycles.values());
        all.sort(Comparator.comparing((Cycle c) -> c.cadence().start()).reversed().thenComparing(Cycle::key));
        return all;
    }

    @Override
    public synchronized Cycle update(Cycle changed) {
        Cycle stored = cycles.get(changed.key());
        if (stored == null) {
            throw new NotFoundException("no CTEM cycle with key '" + changed.key() + "'");
        }
        if (stored.version() != changed.version()) {
            throw new ConflictException("cycle " + changed.key() + " was changed by someone else (it is at revision "
                    + stored.version() + "; this change started from revision " + changed.version()
                    + "); reload it and try again");
        }
        Cycle next = new Cycle(changed.key(), changed.name(), changed.objective(), changed.cadence(), changed.stage(),
                stored.createdAt(), stored.createdBy(), changed.successCriteria(), changed.predecessorKey(),
                changed.successorKey(), changed.version() + 1, changed.projectKey());
        cycles.put(next.key(), next);
        return next;
    }
}
