package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.RegisterItem;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;

/**
 * One finding of the mobilisation register: status, owner, deadline, change record and the rest of its remediation,
 * with a flag when the deadline is later than the one the prioritisation policy set, saying who set it and why.
 */
public final class RegisterEntryView {

    private final RegisterItem item;
    private final RegisterEntry entry;

    public RegisterEntryView(RegisterItem item) {
        this.item = item;
        this.entry = item.entry();
    }

    public boolean isLaterThanPolicy() {
        return item.laterThanPolicy();
    }

    /** The policy's deadline and the rule that set it, e.g. "2021-12-24 (KEV dueDate as published)"; "" if none. */
    public String getPolicyDeadline() {
        return item.policyDeadline() == null ? "" : ViewText.date(item.policyDeadline())
                + (item.policyRule().isEmpty() ? "" : " (" + item.policyRule() + ")");
    }

    /**
     * For a deadline later than the policy's: "later than the policy's 2021-12-24 (KEV dueDate as published); set by
     * lead: reason" (or "no reason given"); "" otherwise.
     */
    public String getDeadlineFlag() {
        return !item.laterThanPolicy() ? "" : "later than the policy's " + getPolicyDeadline() + "; set by "
                + (entry.deadlineSetBy().isEmpty() ? "an unrecorded user" : entry.deadlineSetBy()) + ": "
                + (entry.deadlineReason().isEmpty() ? "no reason given" : entry.deadlineReason());
    }

    public String getFindingKey() {
        return entry.findingKey();
    }

    public String getFindingAnchor() {
        return ViewText.findingAnchor(entry.findingKey());
    }

    public String getStatus() {
        return entry.status().label();
    }

    public String getOwner() {
        return entry.owner();
    }

    public String getDeadline() {
        return ViewText.date(entry.deadline());
    }

    public String getChangeRecord() {
        return entry.changeRecord();
    }

    public String getDependency() {
        return entry.dependency();
    }

    public String getVerificationStep() {
        return entry.verificationStep();
    }

    public String getTrackerIssue() {
        return entry.trackerIssue();
    }

    /** E.g. "risk owner ciso, control: WAF rule 942100, until 2026-12-31 (accepted by lead on 2026-08-01T...)", or "". */
    public String getAcceptance() {
        RiskAcceptance acceptance = entry.acceptance();
        return acceptance == null ? "" : "risk owner " + acceptance.owner() + ", control: "
                + acceptance.compensatingControl() + ", until " + ViewText.date(acceptance.expiry())
                + " (accepted by " + acceptance.acceptedBy() + " at " + ViewText.instant(acceptance.acceptedAt()) + ")";
    }

    /** The cycle the entry was inherited from, or "". */
    public String getCarriedFrom() {
        return entry.carriedFrom();
    }
}
