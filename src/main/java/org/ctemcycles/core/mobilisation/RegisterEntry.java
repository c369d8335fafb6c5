package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One finding in a cycle's mobilisation register: its status, and once mobilised the remediation owner, deadline,
 * change record, dependency, verification step and the tracker issue the work lives in. A finding handed over from
 * an earlier cycle names that cycle in {@code carriedFrom}.
 *
 * @param owner          the Jira user key of the remediation owner, or "" before mobilisation
 * @param deadline       null before mobilisation
 * @param acceptance     the current risk acceptance, or null
 * @param carriedFrom    the cycle this entry was inherited from, or ""
 * @param deadlineSetBy  who set the deadline (the user who mobilised), or ""
 * @param deadlineReason why the deadline is what it is, when given (e.g. why it is later than the policy's), or ""
 */
public record RegisterEntry(String cycleKey, String findingKey, FindingStatus status, String owner,
                            LocalDate deadline, String changeRecord, String dependency, String verificationStep,
                            String trackerIssue, RiskAcceptance acceptance, String carriedFrom, Instant enrolledAt,
                            Instant updatedAt, String deadlineSetBy, String deadlineReason) {

    public RegisterEntry {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        owner = owner == null ? "" : owner;
        changeRecord = changeRecord == null ? "" : changeRecord;
        dependency = dependency == null ? "" : dependency;
        verificationStep = verificationStep == null ? "" : verificationStep;
        trackerIssue = trackerIssue == null ? "" : trackerIssue;
        carriedFrom = carriedFrom == null ? "" : carriedFrom;
        deadlineSetBy = deadlineSetBy == null ? "" : deadlineSetBy;
        deadlineReason = deadlineReason == null ? "" : deadlineReason;
    }

    /** An entry whose deadline's setter and reason are not recorded. */
    public RegisterEntry(String cycleKey, String findingKey, FindingStatus status, String owner, LocalDate deadline,
                         String changeRecord, String dependency, String verificationStep, String trackerIssue,
                         RiskAcceptance acceptance, String carriedFrom, Instant enrolledAt, Instant updatedAt) {
        this(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency, verificationStep, trackerIssue,
                acceptance, carriedFrom, enrolledAt, updatedAt, "", "");
    }

    /** A finding that just entered the register: open, not yet mobilised. */
    public static RegisterEntry enrolled(String cycleKey, String findingKey, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, FindingStatus.OPEN, "", null, "", "", "", "", null, "", at,
                at);
    }

    public boolean mobilised() {
        return !trackerIssue.isEmpty();
    }

    public boolean residual() {
        return FindingLifecycle.residual(status);
    }

    /** Residual and not covered by an accepted risk: someone has to work on it. */
    public boolean needsWork() {
        return residual() && status != FindingStatus.RISK_ACCEPTED;
    }

    /** Needs work but has no remediation owner or no deadline (what the Closed gate refuses). */
    public boolean unassigned() {
        return needsWork() && (owner.isEmpty() || deadline == null);
    }

    public RegisterEntry withStatus(FindingStatus next, RiskAcceptance nextAcceptance, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, next, owner, deadline, changeRecord, dependency,
                verificationStep, trackerIssue, nextAcceptance, carriedFrom, enrolledAt, at, deadlineSetBy,
                deadlineReason);
    }

    public RegisterEntry withMobilisation(String newOwner, LocalDate newDeadline, String newChangeRecord,
                                          String newDependency, String newVerificationStep, String newTrackerIssue,
                                          String newDeadlineSetBy, String newDeadlineReason, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, status, newOwner, newDeadline, newChangeRecord, newDependency,
                newVerificationStep, newTrackerIssue, acceptance, carriedFrom, enrolledAt, at, newDeadlineSetBy,
                newDeadlineReason);
    }

    /**
     * This entry as the next cycle inherits it: same status, owner, deadline (with who set it and why), tracker issue
     * and acceptance.
     */
    public RegisterEntry carriedInto(String nextCycleKey, Instant at) {
        return new RegisterEntry(nextCycleKey, findingKey, status, owner, deadline, changeRecord, dependency,
                verificationStep, trackerIssue, acceptance, cycleKey, at, at, deadlineSetBy, deadlineReason);
    }
}
