package org.ctemcycles.core.evidence.compliance;

import org.ctemcycles.core.evidence.EvidenceItem;

import java.util.List;
import java.util.Objects;

/**
 * For one control, two separate answers: whether the pack holds the evidence it needs (the items present and those
 * missing), and whether the cycle met the objective the control supports (with the numbers that decide it). Evidence
 * of a cycle that missed its objective is evidence of the miss, not of the control.
 */
public record ControlCoverage(Control control, List<EvidenceItem> present, List<EvidenceItem> missing,
                              Objective.Outcome outcome) {

    public ControlCoverage {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether every evidence item the control needs is in the pack. */
    public boolean evidenced() {
        return missing.isEmpty();
    }

    /** Whether the cycle met the control's objective (false also when it cannot be told). */
    public boolean objectiveMet() {
        return Boolean.TRUE.equals(outcome.met());
    }

    /** Evidenced and met. */
    public boolean satisfied() {
        return evidenced() && objectiveMet();
    }
}
