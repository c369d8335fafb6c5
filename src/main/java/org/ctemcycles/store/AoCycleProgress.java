package org.ctemcycles.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Query;
import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.priority.DecisionRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What discovery and prioritisation stored for a cycle, read for the stage gates and the checkpoint metrics: the
 * discovery runs and their coverage rows, and the newest decision of each finding in the cycle.
 */
public class AoCycleProgress implements CycleProgress {

    private final ActiveObjects ao;
    private final DecisionRepository decisions;

    public AoCycleProgress(ActiveObjects ao, DecisionRepository decisions) {
        this.ao = ao;
        this.decisions = decisions;
    }

    @Override
    public int discoveryRuns(String cycleKey) {
        return ao.count(DiscoveryRunEntity.class, Query.select().where("CYCLE_KEY = ?", cycleKey));
    }

    @Override
    public Set<String> coveredSurfaces(String cycleKey) {
        Set<String> covered = new TreeSet<>();
        ao.stream(RunCoverageEntity.class, Query.select("ID, SURFACE_KEY").where("CYCLE_KEY = ?", cycleKey),
                row -> covered.add(row.getSurfaceKey()));
        return covered;
    }

    @Override
    public Map<String, String> tiers(String cycleKey) {
        Map<String, String> tiers = new HashMap<>();
        decisions.latestTiers(cycleKey).forEach((finding, tier) -> tiers.put(finding, tier.name()));
        return tiers;
    }
}
