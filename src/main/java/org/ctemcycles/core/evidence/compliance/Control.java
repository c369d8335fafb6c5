package org.ctemcycles.core.evidence.compliance;

import org.ctemcycles.core.evidence.EvidenceItem;

import java.util.List;
import java.util.Objects;

/**
 * A control of a compliance framework that a CTEM cycle's evidence pack helps satisfy, with the evidence items an
 * auditor needs to see for it and the objective the cycle must have met for the control to be satisfied, not merely
 * evidenced.
 *
 * @param framework e.g. "ISO/IEC 27001:2022"
 * @param id        the control's identifier in that framework, e.g. "A.8.8"
 * @param title     its name
 * @param wording   the control's requirement, quoted where the source is quoted, otherwise summarised
 * @param objective what the cycle must have achieved for this control
 */
public record Control(String framework, String id, String title, String wording, List<EvidenceItem> evidence,
                      Objective objective) {

    public Control {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(wording, "wording");
        Objects.requireNonNull(objective, "objective");
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException(framework + " " + id + " needs at least one evidence item");
        }
    }
}
