package org.ctemcycles.core.evidence;

/**
 * The items of a CTEM cycle's evidence pack, as the CTEM framework lists them ("what a defensible cycle leaves
 * behind"), plus the verification of the hash-chained activity log that proves the record was not edited.
 */
public enum EvidenceItem {
    SCOPING_DOCUMENT("Scoping document",
            "In-scope surfaces with their business owners, criticality, objectives and success criteria, recorded before discovery"),
    DISCOVERY_COVERAGE("Discovery coverage record",
            "Every source that fed the cycle and its coverage per surface, so absence can be told from non-coverage"),
    FINDING_SET("Deduplicated finding set",
            "Findings tied to assets and owners, each with its source signals, CVSS vector, EPSS reading, KEV status and criticality"),
    PRIORITISATION_RATIONALE("Prioritisation rationale",
            "Why each queue item ranks where it does: factors, their sources and the policy version"),
    VALIDATION_EVIDENCE("Validation evidence",
            "Reproduction notes, attack-path analysis, confirmation or refutation, and retest results per queue item"),
    MOBILISATION_REGISTER("Mobilisation register",
            "Owner, deadline, change record, dependency and verification step per exposure, with the closure trail"),
    CLOSURE_SUMMARY("Cycle closure summary",
            "What the cycle delivered, what carried over, what changed in the surface, and the residual queue"),
    CADENCE_RECORD("Cadence record",
            "Cycle start, planned and actual checkpoints, closure, and the next cycle's input scope"),
    ACTIVITY_LOG_VERIFICATION("Activity log verification",
            "The result of verifying the hash-chained activity log: intact, or the first edited, inserted or deleted entry");

    private final String title;
    private final String description;

    EvidenceItem(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
