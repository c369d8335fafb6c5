package org.ctemcycles.report.view;

import org.ctemcycles.core.validation.ValidationRecord;

/** One validation of the finding, in the panel's history: when, in which cycle, how, what came out, by whom. */
public final class PanelValidationView {

    private final String date;
    private final String cycleKey;
    private final String method;
    private final String outcome;
    private final String validatedBy;
    private final String notes;
    private final String statusChange;

    PanelValidationView(ValidationRecord record) {
        this.date = ViewText.day(record.validatedAt());
        this.cycleKey = record.cycleKey();
        this.method = record.method().label();
        this.outcome = record.outcome().label();
        this.validatedBy = record.validatedBy();
        this.notes = record.notes();
        this.statusChange = record.statusBefore() == record.statusAfter() ? record.statusAfter().label()
                : record.statusBefore().label() + " \u2192 " + record.statusAfter().label();
    }

    public String getDate() {
        return date;
    }

    public String getCycleKey() {
        return cycleKey;
    }

    public String getMethod() {
        return method;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getValidatedBy() {
        return validatedBy;
    }

    public String getNotes() {
        return notes;
    }

    /** E.g. "Resolved → Verified", or the one status when the outcome left it as it was. */
    public String getStatusChange() {
        return statusChange;
    }
}
