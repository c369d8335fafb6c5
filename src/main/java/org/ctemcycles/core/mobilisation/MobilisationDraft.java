package org.ctemcycles.core.mobilisation;

/**
 * Mobilisation of one finding as a user entered it, raw text: the remediation owner (a Jira user key), the deadline
 * (ISO date), the change record, the dependency, and the verification step.
 */
public record MobilisationDraft(String owner, String deadline, String changeRecord, String dependency,
                                String verificationStep) {
}
