package org.ctemcycles.core.evidence.compliance;

import org.ctemcycles.core.evidence.EvidenceItem;

import java.util.List;

/** For one control, the evidence items a cycle's pack holds and the ones still missing. */
public record ControlCoverage(Control control, List<EvidenceItem> present, List<EvidenceItem> missing) {

    public ControlCoverage {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
    }

    public boolean satisfied() {
        return missing.isEmpty();
    }
}
