package org.ctemcycles.testing;

import org.ctemcycles.core.cadence.CycleProgress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link CycleProgress} held in memory: tests record discovery runs and decisions on it directly, to set up a stage
 * without running discovery or prioritisation. Thread-safe.
 */
public class InMemoryCycleProgress implements CycleProgress {

    private final Map<String, Integer> runs = new HashMap<>();
    private final Map<String, Set<String>> covered = new HashMap<>();
    private final Map<String, Map<String, String>> tiers = new HashMap<>();

    public synchronized void recordDiscoveryRun(String cycleKey, Set<String> surfacesCovered) {
        runs.merge(cycleKey, 1, Integer::sum);
        covered.computeIfAbsent(cycleKey, k -> new HashSet<>()).addAll(surfacesCovered);
    }

    public synchronized void recordDecision(String cycleKey, String findingKey, String tier) {
        tiers.computeIfAbsent(cycleKey, k -> new HashMap<>()).put(findingKey, tier);
    }

    @Override
    public synchronized int discoveryRuns(String cycleKey) {
        return runs.getOrDefault(cycleKey, 0);
    }

    @Override
    public synchronized Set<String> coveredSurfaces(String cycleKey) {
        return Set.copyOf(covered.getOrDefault(cycleKey, Set.of()));
    }

    @Override
    public synchronized Map<String, String> tiers(String cycleKey) {
        return Map.copyOf(tiers.getOrDefault(cycleKey, Map.of()));
    }
}
