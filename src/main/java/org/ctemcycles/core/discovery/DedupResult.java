package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report deduplicated: its findings (in identity order, see {@link ObservedFindings}), and what it says about
 * coverage.
 *
 * @param observations    how many observations the report held
 * @param outOfScope      how many of them no scope rule matched
 * @param assetsBySurface per surface, the assets the report named on it ({@link ObservedFinding#coverageKey()}:
 *                        identity keys, with the deployment where there is one)
 * @param surfacesByKind  per source kind, the surfaces observations of that kind were mapped to
 * @param tools           the tools that produced the observations, with how many each
 */
public record DedupResult(ObservedFindings findings, int observations, int outOfScope,
                          Map<String, Set<String>> assetsBySurface, Map<SourceKind, Set<String>> surfacesByKind,
                          List<ToolUse> tools) {

    /** A tool (at one version, as one source kind) and how many observations it produced. */
    public record ToolUse(SourceKind kind, String tool, String version, int observations) {
    }

    /** The tool that produced most observations (the first named on a tie), if any observation was read. */
    public Optional<ToolUse> mainTool() {
        return tools.stream().max(Comparator.comparingInt(ToolUse::observations)
                .thenComparing(t -> -tools.indexOf(t)));
    }
}
