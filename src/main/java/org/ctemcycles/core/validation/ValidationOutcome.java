package org.ctemcycles.core.validation;

import org.ctemcycles.core.finding.FindingStatus;

import java.util.Optional;

import static org.ctemcycles.core.finding.FindingStatus.FALSE_POSITIVE;
import static org.ctemcycles.core.finding.FindingStatus.IN_PROGRESS;
import static org.ctemcycles.core.finding.FindingStatus.OPEN;
import static org.ctemcycles.core.finding.FindingStatus.REOPENED;
import static org.ctemcycles.core.finding.FindingStatus.RESOLVED;
import static org.ctemcycles.core.finding.FindingStatus.VERIFIED;

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

    /** The status this outcome moves a finding in {@code current} to, or empty when the finding keeps its status. */
    public Optional<FindingStatus> nextStatus(FindingStatus current) {
        FindingStatus next = switch (this) {
            // a confirmed exploit undoes a fix or a dismissal; open work stays open (its priority rises instead)
            case EXPLOITABLE_CONFIRMED -> current == RESOLVED || current == VERIFIED || current == FALSE_POSITIVE
                    ? REOPENED : null;
            case NOT_EXPLOITABLE -> current == OPEN || current == IN_PROGRESS || current == REOPENED
                    ? FALSE_POSITIVE : null;
            // a working control lowers the priority; it does not close the finding
            case MITIGATED_BY_CONTROL -> null;
            case RETEST_PASSED -> current == VERIFIED || current == FALSE_POSITIVE ? null : VERIFIED;
            case RETEST_FAILED -> current == RESOLVED || current == VERIFIED ? REOPENED : null;
        };
        return Optional.ofNullable(next);
    }
}
