package org.ctemcycles.core.priority;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The remediation deadline of a decision: the earliest date any applicable rule sets, the rule that set it, and every
 * candidate considered (so the register can show the regulatory and the internal deadline side by side).
 *
 * @param date       the earliest date, or null when no rule sets one
 * @param rule       the rule that set it ("" when none)
 * @param basis      how that rule's date follows
 * @param overdue    the date was already past when the decision was made (e.g. KEV legacy entries whose dueDate
 *                   precedes their dateAdded: overdue on arrival)
 * @param forensic   BOD 26-04 also asks for a forensic investigation
 * @param candidates every rule considered, in the policy's order
 */
public record Deadline(LocalDate date, String rule, String basis, boolean overdue, boolean forensic,
                       List<DeadlineCandidate> candidates) {

    public Deadline {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(basis, "basis");
        candidates = List.copyOf(candidates);
    }
}
