package org.ctemcycles.report.view;

import org.ctemcycles.core.validation.ValidationRecord;

import java.util.List;

/** One validation of a finding: method, outcome, notes and evidence, who and when, and the status it moved. */
public final class ValidationView {

    private final ValidationRecord record;

    public ValidationView(ValidationRecord record) {
        this.record = record;
    }

    public String getFindingKey() {
        return record.findingKey();
    }

    public String getFindingAnchor() {
        return ViewText.findingAnchor(record.findingKey());
    }

    public String getMethod() {
        return record.method().label();
    }

    public String getOutcome() {
        return record.outcome().label();
    }

    public String getNotes() {
        return record.notes();
    }

    /** Where the evidence is kept: attachment names, URLs, ticket or document ids. */
    public List<String> getEvidenceRefs() {
        return record.evidenceRefs();
    }

    public String getValidatedBy() {
        return record.validatedBy();
    }

    public String getValidatedAt() {
        return ViewText.instant(record.validatedAt());
    }

    public String getStatusBefore() {
        return record.statusBefore().label();
    }

    public String getStatusAfter() {
        return record.statusAfter().label();
    }
}
