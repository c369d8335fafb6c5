package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.util.List;

/**
 * The outcome of recording one run: the run, what it changed, and whether it was a repeat of a report the cycle had
 * already imported (then nothing changed and {@link #runId()} is the earlier run).
 */
public record ImportSummary(long runId, boolean alreadyImported, SourceKind sourceKind, RunCounts counts,
                            List<String> coveredSurfaces, List<String> warnings) {

    public ImportSummary {
        coveredSurfaces = List.copyOf(coveredSurfaces);
        warnings = List.copyOf(warnings);
    }
}
