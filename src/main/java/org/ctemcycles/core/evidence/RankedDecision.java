package org.ctemcycles.core.evidence;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.validation.ValidationRecord;

import java.util.Objects;

/**
 * A queue item: its position in the cycle's current queue (from 1), the decision with its rationale, and the
 * finding's latest validation when it was recorded after the decision: the decision's factors then predate what
 * validation proved, and the queue should be prioritised again.
 *
 * @param laterValidation the finding's newest validation, when newer than the decision; else null
 * @param status          the finding's status in the register (null when unknown): a verified, dismissed or
 *                        accepted finding keeps its rank but no longer needs work
 */
public record RankedDecision(int rank, Decision decision, ValidationRecord laterValidation, FindingStatus status) {

    public RankedDecision {
        Objects.requireNonNull(decision, "decision");
        if (laterValidation != null && !laterValidation.validatedAt().isAfter(decision.decidedAt())) {
            laterValidation = null;
        }
    }

    public RankedDecision(int rank, Decision decision) {
        this(rank, decision, null, null);
    }

    /** Whether the finding no longer needs work (verified, a false positive, or its risk accepted). */
    public boolean settled() {
        return status != null && (status == FindingStatus.VERIFIED || status == FindingStatus.FALSE_POSITIVE
                || status == FindingStatus.RISK_ACCEPTED);
    }

    /** Whether the decision's factors are older than a validation of the finding. */
    public boolean predatesValidation() {
        return laterValidation != null;
    }
}
