package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.DiscoveryFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link DiscoveryFacts} that tests set by hand: which surface each finding is on, coverage, unscoped assets. */
public class InMemoryDiscoveryFacts implements DiscoveryFacts {

    private final Map<String, String> surfaceOfFinding = new HashMap<>();
    private final Map<String, Map<String, Instant>> covered = new HashMap<>();
    private final Map<String, List<UnscopedAsset>> unscoped = new HashMap<>();

    public synchronized void finding(String findingKey, String surfaceKey) {
        surfaceOfFinding.put(findingKey, surfaceKey);
    }

    public synchronized void covered(String cycleKey, String surfaceKey, Instant at) {
        covered.computeIfAbsent(cycleKey, k -> new HashMap<>()).merge(surfaceKey, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public synchronized void unscoped(String cycleKey, UnscopedAsset asset) {
        unscoped.computeIfAbsent(cycleKey, k -> new ArrayList<>()).add(asset);
    }

    @Override
    public synchronized Map<String, String> surfacesOf(String cycleKey, Collection<String> findingKeys) {
        Map<String, String> found = new HashMap<>();
        findingKeys.forEach(key -> {
            if (surfaceOfFinding.containsKey(key)) {
                found.put(key, surfaceOfFinding.get(key));
            }
        });
        return found;
    }

    @Override
    public synchronized Map<String, Instant> lastCovered(String cycleKey) {
        return Map.copyOf(covered.getOrDefault(cycleKey, Map.of()));
    }

    @Override
    public synchronized List<UnscopedAsset> unscopedAssets(String cycleKey) {
        return List.copyOf(unscoped.getOrDefault(cycleKey, List.of()));
    }
}
