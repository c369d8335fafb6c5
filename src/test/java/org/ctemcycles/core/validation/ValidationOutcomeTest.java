package org.ctemcycles.core.validation;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.FindingLifecycle;
import org.ctemcycles.core.mobilisation.StatusCause;
import org.junit.Test;

import java.util.Optional;

import static org.ctemcycles.core.finding.FindingStatus.FALSE_POSITIVE;
import static org.ctemcycles.core.finding.FindingStatus.IN_PROGRESS;
import static org.ctemcycles.core.finding.FindingStatus.OPEN;
import static org.ctemcycles.core.finding.FindingStatus.REOPENED;
import static org.ctemcycles.core.finding.FindingStatus.RESOLVED;
import static org.ctemcycles.core.finding.FindingStatus.RISK_ACCEPTED;
import static org.ctemcycles.core.finding.FindingStatus.VERIFIED;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** How each validation outcome moves a finding, and that every such move is one the finding lifecycle allows. */
public class ValidationOutcomeTest {

    @Test
    public void validationOutcomesMoveFindingsAsDocumented() {
        assertEquals(Optional.of(VERIFIED), ValidationOutcome.RETEST_PASSED.nextStatus(RESOLVED));
        assertEquals(Optional.of(VERIFIED), ValidationOutcome.RETEST_PASSED.nextStatus(RISK_ACCEPTED));
        assertEquals(Optional.empty(), ValidationOutcome.RETEST_PASSED.nextStatus(VERIFIED));
        assertEquals(Optional.of(REOPENED), ValidationOutcome.RETEST_FAILED.nextStatus(RESOLVED));
        assertEquals(Optional.empty(), ValidationOutcome.RETEST_FAILED.nextStatus(IN_PROGRESS));
        assertEquals(Optional.of(FALSE_POSITIVE), ValidationOutcome.NOT_EXPLOITABLE.nextStatus(OPEN));
        assertEquals(Optional.empty(), ValidationOutcome.NOT_EXPLOITABLE.nextStatus(RESOLVED));
        assertEquals(Optional.of(REOPENED), ValidationOutcome.EXPLOITABLE_CONFIRMED.nextStatus(FALSE_POSITIVE));
        assertEquals(Optional.empty(), ValidationOutcome.EXPLOITABLE_CONFIRMED.nextStatus(OPEN));
        for (FindingStatus status : FindingStatus.values()) {
            assertEquals(Optional.empty(), ValidationOutcome.MITIGATED_BY_CONTROL.nextStatus(status));
            for (ValidationOutcome outcome : ValidationOutcome.values()) {
                outcome.nextStatus(status).ifPresent(next -> assertTrue(status + " -> " + next
                        + " by " + outcome, FindingLifecycle.refusal(status, next, StatusCause.VALIDATION).isEmpty()));
            }
        }
    }
}
