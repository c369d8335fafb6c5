package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The coverage record of a cycle: for every surface (rows, in registration order) and every source kind (columns, in
 * {@link SourceKind} order), whether a run covered it within {@link #staleAfter()} of {@link #asOf()}, only earlier,
 * or never. Absence of findings means something only where coverage is {@link CoverageState#COVERED}.
 */
public record CoverageMatrix(String cycleKey, Instant asOf, Duration staleAfter, List<Row> rows) {

    public CoverageMatrix {
        Objects.requireNonNull(cycleKey, "cycleKey");
        rows = List.copyOf(rows);
    }

    /** One surface's coverage by each source kind. */
    public record Row(String surfaceKey, String surfaceName, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(SourceKind kind) {
            return cells.get(kind.ordinal());
        }
    }

    /**
     * @param lastCoveredAt the latest scan time of a run of this kind covering the surface, or null
     * @param lastRunId     that run, or 0
     * @param runs          how many runs of this kind covered the surface
     */
    public record Cell(SourceKind sourceKind, CoverageState state, Instant lastCoveredAt, long lastRunId, int runs) {
    }

    public Row row(String surfaceKey) {
        return rows.stream().filter(r -> r.surfaceKey().equals(surfaceKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no surface " + surfaceKey + " in " + cycleKey));
    }
}
