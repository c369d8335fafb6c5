package org.ctemcycles.app;

import org.ctemcycles.core.cadence.DiscoveryFacts;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.discovery.CoverageMatrix;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.finding.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closure's view of discovery ({@link DiscoveryFacts}) over discovery's own service: the findings of the cycle and
 * its predecessors, and the coverage matrix.
 */
final class DiscoveryFactsOverRecord implements DiscoveryFacts {

    /** Long enough that every covering run counts: only the latest time is wanted, not the state. */
    private static final Duration EVER = Duration.ofDays(36_500);

    private final CycleService cycles;
    private final DiscoveryService discovery;

    DiscoveryFactsOverRecord(CycleService cycles, DiscoveryService discovery) {
        this.cycles = cycles;
        this.discovery = discovery;
    }

    @Override
    public Map<String, String> surfacesOf(String cycleKey, Collection<String> findingKeys) {
        Set<String> wanted = new HashSet<>(findingKeys);
        Map<String, String> surfaces = new HashMap<>();
        Set<String> visited = new HashSet<>();
        // this cycle first, then back along the handovers: where a finding was seen last wins
        for (Cycle c = cycles.get(cycleKey); c != null && visited.add(c.key()) && surfaces.size() < wanted.size();
             c = c.predecessorKey().isEmpty() ? null : cycles.get(c.predecessorKey())) {
            for (Finding finding : discovery.findings(c.key())) {
                if (finding.inScope() && wanted.contains(finding.key())) {
                    surfaces.putIfAbsent(finding.key(), finding.surfaceKey());
                }
            }
        }
        return surfaces;
    }

    @Override
    public Map<String, Instant> lastCovered(String cycleKey) {
        Map<String, Instant> last = new LinkedHashMap<>();
        for (CoverageMatrix.Row row : discovery.coverage(cycleKey, EVER).rows()) {
            for (CoverageMatrix.Cell cell : row.cells()) {
                if (cell.lastCoveredAt() != null) {
                    last.merge(row.surfaceKey(), cell.lastCoveredAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return last;
    }

    @Override
    public List<UnscopedAsset> unscopedAssets(String cycleKey) {
        Map<String, UnscopedAsset> assets = new LinkedHashMap<>();
        for (Finding finding : discovery.findings(cycleKey)) {
            if (finding.inScope()) {
                continue;
            }
            String key = finding.asset().kind() + " " + finding.asset().key();
            UnscopedAsset seen = assets.get(key);
            Instant last = seen == null || finding.lastSeen().isAfter(seen.lastSeen()) ? finding.lastSeen()
                    : seen.lastSeen();
            assets.put(key, new UnscopedAsset(finding.asset().kind(), finding.asset().value(),
                    (seen == null ? 0 : seen.findings()) + 1, last));
        }
        return new ArrayList<>(assets.values());
    }
}
