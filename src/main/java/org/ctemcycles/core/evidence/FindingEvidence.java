package org.ctemcycles.core.evidence;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One finding of the deduplicated finding set as the evidence pack shows it: the finding, the sources whose signals
 * reported it, its current decision in the cycle (which carries the EPSS reading, the KEV status and the criticality
 * calibration that drove its rank) and its register entry.
 *
 * @param sources  each source that reported it, as "tool (source kind)", in the order first seen
 * @param signals  how many signals (one per run that saw it), soft-deleted ones included
 * @param decision its newest decision in the cycle, or null when it was never prioritised (out of scope)
 * @param entry    its register entry, or null (out of scope)
 */
public record FindingEvidence(Finding finding, List<String> sources, int signals, Decision decision,
                              RegisterEntry entry) {

    public FindingEvidence {
        Objects.requireNonNull(finding, "finding");
        sources = List.copyOf(sources);
    }

    public String key() {
        return finding.key();
    }

    /** The EPSS reading the decision used, e.g. "EPSS 0.41235 (percentile 0.97416) for CVE-2024-6387"; "" if none. */
    public String epss() {
        return labels(FactorKind.EPSS_PROBABILITY);
    }

    /** The KEV status the decision used, e.g. "in CISA KEV (CVE-2021-44228, ...)"; "" when not prioritised. */
    public String kev() {
        return labels(FactorKind.KEV);
    }

    /** The criticality and exposure calibration of its surface as the decision used them. */
    public String calibration() {
        return decision == null ? "" : decision.factors().stream()
                .filter(f -> f.kind() == FactorKind.CRITICALITY || f.kind() == FactorKind.EXPOSURE)
                .map(Factor::label).collect(Collectors.joining("; "));
    }

    private String labels(FactorKind kind) {
        return decision == null ? "" : decision.factors().stream().filter(f -> f.kind() == kind)
                .map(Factor::label).collect(Collectors.joining("; "));
    }
}
