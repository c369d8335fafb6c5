package org.ctemcycles.core.validation;

/**
 * The result of validating a finding. It updates the finding's status and feeds the next prioritisation: a
 * confirmed exploit raises a finding, a refutation or a working control lowers it.
 */
public enum ValidationOutcome {
    EXPLOITABLE_CONFIRMED("Exploitable (confirmed)"),
    NOT_EXPLOITABLE("Not exploitable"),
    MITIGATED_BY_CONTROL("Mitigated by control"),
    RETEST_PASSED("Retest passed"),
    RETEST_FAILED("Retest failed");

    private final String label;

    ValidationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
