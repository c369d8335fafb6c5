package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.common.ConflictException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ClosureRepository} held in memory: one summary per cycle. */
public class InMemoryClosureRepository implements ClosureRepository {

    private final Map<String, ClosureSummary> summaries = new HashMap<>();

    @Override
    public synchronized void insert(ClosureSummary summary) {
        if (summaries.putIfAbsent(summary.cycleKey(), summary) != null) {
            throw new ConflictException("cycle " + summary.cycleKey() + " already has a closure summary");
        }
    }

    @Override
    public synchronized Optional<ClosureSummary> find(String cycleKey) {
        return Optional.ofNullable(summaries.get(cycleKey));
    }
}
