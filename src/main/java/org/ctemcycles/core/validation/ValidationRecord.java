package org.ctemcycles.core.validation;

import org.ctemcycles.core.finding.FindingStatus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One validation of a finding: how it was tested, what came out, the notes and evidence references, who did it and
 * when, and the finding's status before and after (the outcome moves it, see
 * {@code core.mobilisation.FindingLifecycle}).
 *
 * @param evidenceRefs where the evidence is kept: attachment names, URLs, ticket or document ids
 */
public record ValidationRecord(String cycleKey, String findingKey, ValidationMethod method, ValidationOutcome outcome,
                               String notes, List<String> evidenceRefs, String validatedBy, Instant validatedAt,
                               FindingStatus statusBefore, FindingStatus statusAfter) {

    public ValidationRecord {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(findingKey, "findingKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(validatedBy, "validatedBy");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(statusBefore, "statusBefore");
        Objects.requireNonNull(statusAfter, "statusAfter");
        notes = notes == null ? "" : notes;
        evidenceRefs = List.copyOf(evidenceRefs);
    }
}
