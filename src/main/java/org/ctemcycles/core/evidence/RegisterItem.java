package org.ctemcycles.core.evidence;

import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.priority.Decision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One finding of the mobilisation register as the evidence pack shows it: its register entry beside its current
 * decision, whose deadline is the one the prioritisation policy set, so that a mobilisation deadline later than the
 * policy's is flagged with who set it and why.
 *
 * @param decision the finding's decision in the current queue, or null when it was never prioritised
 */
public record RegisterItem(RegisterEntry entry, Decision decision) {

    public RegisterItem {
        Objects.requireNonNull(entry, "entry");
    }

    /** The deadline the policy set, or null (never prioritised, or no rule applied). */
    public LocalDate policyDeadline() {
        return decision == null ? null : decision.deadline().date();
    }

    /** The rule that set the policy deadline, e.g. "KEV dueDate as published"; "" when none. */
    public String policyRule() {
        return decision == null ? "" : decision.deadline().rule();
    }

    /** Whether the mobilisation deadline is later than the policy's. */
    public boolean laterThanPolicy() {
        LocalDate policy = policyDeadline();
        return entry.deadline() != null && policy != null && entry.deadline().isAfter(policy);
    }
}
