package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One finding in a cycle's mobilisation register: its status, and once mobilised the remediation owner, deadline,
 * change record, dependency, verification step and the tracker issue the work lives in. A finding handed over from
 * an earlier cycle names that cycle in {@code carriedFrom}.

 * @param owner          the Jira user key of the remediation owner, or "" before mobilisation
 * @param deadline       null before mobilisation
 * @param trackerIssue   the tracker issue's key for display (it changes when the issue moves), or ""
 * @param acceptance     the current risk acceptance, or null
 * @param carriedFrom    the cycle this entry was inherited from, or ""
 * @param deadlineSetBy  who set the deadline (the user who mobilised), or ""
 * @param deadlineReason why the deadline is what it is, when given (e.g. why it is later than the policy's), or ""
 * @param trackerIssueId the tracker issue's id, stable across moves; "" for entries linked before ids were kept
 *                       (their key is their id: the command line's tracker never moves issues)
 * @param trackerState   the issue as the register last saw it, or null
 * @param decisionNeeded why a security lead must decide about this entry (e.g. its issue was resolved as "Won't
 *                       Fix", or deleted), or "" when nothing waits for a lead
 */
public record RegisterEntry(String cycleKey, String findingKey, FindingStatus status, String owner,
                            LocalDate deadline, String changeRecord, String dependency, String verificationStep,
                            String trackerIssue, RiskAcceptance acceptance, String carriedFrom, Instant enrolledAt,
                            Instant updatedAt, String deadlineSetBy, String deadlineReason, String trackerIssueId,
                            TrackerState trackerState, String decisionNeeded) {

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
        trackerIssueId = trackerIssueId == null ? "" : trackerIssueId;
        decisionNeeded = decisionNeeded == null ? "" : decisionNeeded;
    }

    /** An entry not linked to the tracker beyond its issue key, its deadline's setter and reason not recorded. */
    public RegisterEntry(String cycleKey, String findingKey, FindingStatus status, String owner, LocalDate deadline,
                         String changeRecord, String dependency, String verificationStep, String trackerIssue,
                         RiskAcceptance acceptance, String carriedFrom, Instant enrolledAt, Instant updatedAt) {
        this(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency, verificationStep, trackerIssue,
                acceptance, carriedFrom, enrolledAt, updatedAt, "", "", "", null, "");
    }

    /** An entry not linked to the tracker beyond its issue key. */
    public RegisterEntry(String cycleKey, String findingKey, FindingStatus status, String owner, LocalDate deadline,
                         String changeRecord, String dependency, String verificationStep, String trackerIssue,
                         RiskAcceptance acceptance, String carriedFrom, Instant enrolledAt, Instant updatedAt,
                         String deadlineSetBy, String deadlineReason) {
        this(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency, verificationStep, trackerIssue,
                acceptance, carriedFrom, enrolledAt, updatedAt, deadlineSetBy, deadlineReason, "", null, "");
    }

    /** A finding that just entered the register: open, not yet mobilised. */
    public static RegisterEntry enrolled(String cycleKey, String findingKey, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, FindingStatus.OPEN, "", null, "", "", "", "", null, "", at,
                at);
    }

    public boolean mobilised() {
        return !trackerIssue.isEmpty();
    }

    /** How the tracker knows the issue: its id, or for entries linked before ids were kept, its key. */
    public String trackerIssueRef() {
        return trackerIssueId.isEmpty() ? trackerIssue : trackerIssueId;
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

    /** The entry with a new status (and the acceptance that goes with it, or null). */
    public RegisterEntry withStatus(FindingStatus next, RiskAcceptance nextAcceptance, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, next, owner, deadline, changeRecord, dependency,
                verificationStep, trackerIssue, nextAcceptance, carriedFrom, enrolledAt, at, deadlineSetBy,
                deadlineReason, trackerIssueId, trackerState, decisionNeeded);
    }

    public RegisterEntry withMobilisation(String newOwner, LocalDate newDeadline, String newChangeRecord,
                                          String newDependency, String newVerificationStep, String newTrackerIssue,
                                          String newDeadlineSetBy, String newDeadlineReason, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, status, newOwner, newDeadline, newChangeRecord, newDependency,
                newVerificationStep, newTrackerIssue, acceptance, carriedFrom, enrolledAt, at, newDeadlineSetBy,
                newDeadlineReason, trackerIssueId, trackerState, decisionNeeded);
    }

    /** The entry linked to a tracker issue as it now stands (its id, key and state). */
    public RegisterEntry withTracker(TrackerIssue issue, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency,
                verificationStep, issue.key(), acceptance, carriedFrom, enrolledAt, at, deadlineSetBy,
                deadlineReason, issue.id(), issue.state(), decisionNeeded);
    }

    /**
     * The entry with its owner and deadline as the tracker has them (a deadline changed in the tracker: set by
     * {@code setBy} there, for the reason given).
     */
    public RegisterEntry withOwnerAndDeadline(String newOwner, LocalDate newDeadline, String setBy, String reason,
                                              Instant at) {
        boolean deadlineChanged = !Objects.equals(newDeadline, deadline);
        return new RegisterEntry(cycleKey, findingKey, status, newOwner, newDeadline, changeRecord, dependency,
                verificationStep, trackerIssue, acceptance, carriedFrom, enrolledAt, at,
                deadlineChanged ? setBy : deadlineSetBy, deadlineChanged ? reason : deadlineReason, trackerIssueId,
                trackerState, decisionNeeded);
    }

    /** The entry no longer linked to a tracker issue (the issue was deleted). */
    public RegisterEntry unlinked(Instant at) {
        return new RegisterEntry(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency,
                verificationStep, "", acceptance, carriedFrom, enrolledAt, at, deadlineSetBy, deadlineReason, "",
                null, decisionNeeded);
    }

    /** The entry with a reason a lead must decide about it ("" when nothing waits for a lead). */
    public RegisterEntry withDecisionNeeded(String reason, Instant at) {
        return new RegisterEntry(cycleKey, findingKey, status, owner, deadline, changeRecord, dependency,
                verificationStep, trackerIssue, acceptance, carriedFrom, enrolledAt, at, deadlineSetBy,
                deadlineReason, trackerIssueId, trackerState, reason);
    }

    /**
     * This entry as the next cycle inherits it: same status, owner, deadline (with who set it and why), tracker issue
     * and acceptance.
     */
    public RegisterEntry carriedInto(String nextCycleKey, Instant at) {
        return new RegisterEntry(nextCycleKey, findingKey, status, owner, deadline, changeRecord, dependency,
                verificationStep, trackerIssue, acceptance, cycleKey, at, at, deadlineSetBy, deadlineReason,
                trackerIssueId, trackerState, decisionNeeded);
    }
}
