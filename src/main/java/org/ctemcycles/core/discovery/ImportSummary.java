package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.util.List;

/**
 * The outcome of recording one run: the run, what it changed, whether it was a repeat of a report the cycle had
 * already imported (then nothing changed and {@link #runId()} is the earlier run), and whether the run is complete
 * (see {@link DiscoveryRun#complete()}; a partial run covered nothing and made no fix candidates).
 */
public record ImportSummary(long runId, boolean alreadyImported, boolean complete, SourceKind sourceKind,
                            RunCounts counts, List<String> coveredSurfaces, List<String> warnings) {

    public ImportSummary {
        coveredSurfaces = List.copyOf(coveredSurfaces);
        warnings = List.copyOf(warnings);
    }
}
