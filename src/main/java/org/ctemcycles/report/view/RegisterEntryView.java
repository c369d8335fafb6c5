package org.ctemcycles.report.view;

import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RiskAcceptance;

/** One finding of the mobilisation register: status, owner, deadline, change record and the rest of its remediation. */
public final class RegisterEntryView {

    private final RegisterEntry entry;

    public RegisterEntryView(RegisterEntry entry) {
        this.entry = entry;
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
