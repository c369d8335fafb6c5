package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Surface;

import java.util.List;

/**
 * An import under way: the cycle and its scope checked, observations being deduplicated as the importer streams
 * them. Nothing is stored until {@link DiscoveryService#record} is called with it; a report the importer rejects
 * halfway is simply dropped with its plan. Closing it deletes what deduplication spilled to disk.
 */
public final class ImportPlan implements AutoCloseable {

    private final String cycleKey;
    private final List<Surface> surfaces;
    private final List<String> declaredSurfaces;
    private final SourceKind sourceKindOverride;
    private final Deduplicator deduplicator;
    private DedupResult result;

    ImportPlan(String cycleKey, List<Surface> surfaces, List<String> declaredSurfaces, SourceKind sourceKindOverride,
               Deduplicator deduplicator) {
        this.cycleKey = cycleKey;
        this.surfaces = List.copyOf(surfaces);
        this.declaredSurfaces = List.copyOf(declaredSurfaces);
        this.sourceKindOverride = sourceKindOverride;
        this.deduplicator = deduplicator;
    }

    /** Takes in one observation (maps it to a surface, computes its identity, merges it). */
    public void add(Observation observation) {
        result = null;
        deduplicator.add(observation);
    }

    public String cycleKey() {
        return cycleKey;
    }

    List<Surface> surfaces() {
        return surfaces;
    }

    List<String> declaredSurfaces() {
        return declaredSurfaces;
    }

    SourceKind sourceKindOverride() {
        return sourceKindOverride;
    }

    /** What the observations so far amount to. */
    public DedupResult result() {
        if (result == null) {
            result = deduplicator.result();
        }
        return result;
    }

    @Override
    public void close() {
        deduplicator.close();
    }
}
