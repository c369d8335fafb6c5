package org.ctemcycles.core.priority;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One rule's deadline for a finding. A rule may apply without setting a date (BOD 26-04's "fix on system upgrade").
 *
 * @param rule     the rule, e.g. "BOD 26-04 row 11" or "internal SLA (High: 30 days)"
 * @param date     the date the rule sets, or null when it sets none
 * @param basis    how the date follows, e.g. "KEV dateAdded 2025-08-25 + 14 days"
 * @param forensic BOD 26-04 asks for a forensic investigation as well
 */
public record DeadlineCandidate(String rule, LocalDate date, String basis, boolean forensic) {

    public DeadlineCandidate {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(basis, "basis");
    }
}
