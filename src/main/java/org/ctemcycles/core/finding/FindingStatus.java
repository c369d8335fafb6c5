package org.ctemcycles.core.finding;

/**
 * Where a finding stands in its remediation life. The allowed transitions are enforced by the cycle record's
 * mobilisation rules; a fix in the tracker (RESOLVED) is not closure: closure is VERIFIED, by a passed retest or by a
 * discovery run that covered the surface and no longer sees the finding.
 */
public enum FindingStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    RESOLVED("Resolved"),
    VERIFIED("Verified"),
    REOPENED("Reopened"),
    RISK_ACCEPTED("Risk accepted"),
    FALSE_POSITIVE("False positive");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
