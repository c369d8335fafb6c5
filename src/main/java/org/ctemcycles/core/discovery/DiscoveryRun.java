package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One discovery run: an imported report or a manual entry, with its source, who recorded it, when the scan ran, the
 * surfaces it covered, and what it changed. Every import is a run, an empty report too (zero observations): it is
 * still evidence that the source covered its surfaces and found nothing.
 *
 * @param format           the report format (e.g. "sarif", "nessus"), or "manual" for manual intake
 * @param fileName         the report's file name as given, or "" for manual intake
 * @param contentSha256    SHA-256 of the report's content (after decompression), or "" for manual intake; a cycle
 *                         never imports the same content twice
 * @param scannedAt        when the scan ran (defaults to the import time); "later run" compares these
 * @param complete         whether the run reports everything its source found on the surfaces it covered, so that a
 *                         finding it no longer sees is a fix candidate: true for an imported report read whole;
 *                         false for manual entries, which add one finding and say nothing about others, and for a
 *                         partial import (see {@link #partial()})
 * @param declaredSurfaces the surfaces the importer said the scan covered, possibly none
 * @param coveredSurfaces  declared surfaces plus those its observations were mapped to
 */
public record DiscoveryRun(long id, String cycleKey, SourceKind sourceKind, String tool, String toolVersion,
                           String format, String fileName, String contentSha256, Instant scannedAt,
                           Instant importedAt, String importedBy, boolean complete, List<String> declaredSurfaces,
                           List<String> coveredSurfaces, RunCounts counts, List<String> warnings) {

    public DiscoveryRun {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(scannedAt, "scannedAt");
        declaredSurfaces = List.copyOf(declaredSurfaces);
        coveredSurfaces = List.copyOf(coveredSurfaces);
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether this is an imported report that was not read whole (a record skipped, truncated, malformed or over a
     * limit): it records what it saw, but it covers no surface, retires no signal, makes no fix candidate, and does
     * not make its report "already imported", so the report can be imported again once fixed.
     */
    public boolean partial() {
        return !complete && !contentSha256.isEmpty();
    }
}
