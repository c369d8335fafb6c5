package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.ObservedSeverity;

import java.util.Map;

/**
 * A finding as discovery reads and writes it: the finding, and the latest severity each source reported for it
 * (the finding's severity is the highest of these).
 */
public record StoredFinding(Finding finding, Map<SourceKey, ObservedSeverity> sourceSeverities) {

    public StoredFinding {
        sourceSeverities = Map.copyOf(sourceSeverities);
    }
}
