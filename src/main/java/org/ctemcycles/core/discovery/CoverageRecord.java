package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.time.Instant;

/**
 * A run covered a surface as one source kind.
 *
 * @param declared whether the importer declared the coverage (rather than it being read from the observations)
 */
public record CoverageRecord(long runId, String cycleKey, String surfaceKey, SourceKind sourceKind,
                             Instant coveredAt, boolean declared) {
}
