package org.ctemcycles.core.mobilisation;

/**
 * Mobilisation of one finding as a user entered it, raw text: the remediation owner (a Jira user key), the deadline
 * (ISO date), the change record, the dependency, the verification step, and why the deadline is what it is (optional;
 * an auditor asks for it when the deadline is later than the one the prioritisation policy set).
 */
public record MobilisationDraft(String owner, String deadline, String changeRecord, String dependency,
                                String verificationStep, String deadlineReason) {

    /** A draft without a reason for its deadline. */
    public MobilisationDraft(String owner, String deadline, String changeRecord, String dependency,
                             String verificationStep) {
        this(owner, deadline, changeRecord, dependency, verificationStep, null);
    }
}
