package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;
import org.junit.Test;

import java.util.Optional;
import java.util.Set;

import static org.ctemcycles.core.finding.FindingStatus.FALSE_POSITIVE;
import static org.ctemcycles.core.finding.FindingStatus.IN_PROGRESS;
import static org.ctemcycles.core.finding.FindingStatus.OPEN;
import static org.ctemcycles.core.finding.FindingStatus.REOPENED;
import static org.ctemcycles.core.finding.FindingStatus.RESOLVED;
import static org.ctemcycles.core.finding.FindingStatus.RISK_ACCEPTED;
import static org.ctemcycles.core.finding.FindingStatus.VERIFIED;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The documented finding status transitions and the moves a validation outcome makes. */
public class FindingLifecycleTest {

    @Test
    public void theTransitionTableIsTheDocumentedOne() {
        assertEquals(Set.of(IN_PROGRESS, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
                FindingLifecycle.successors(OPEN));
        assertEquals(Set.of(OPEN, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
                FindingLifecycle.successors(IN_PROGRESS));
        assertEquals(Set.of(VERIFIED, REOPENED), FindingLifecycle.successors(RESOLVED));
        assertEquals(Set.of(REOPENED), FindingLifecycle.successors(VERIFIED));
        assertEquals(Set.of(IN_PROGRESS, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
                FindingLifecycle.successors(REOPENED));
        assertEquals(Set.of(REOPENED, VERIFIED), FindingLifecycle.successors(RISK_ACCEPTED));
        assertEquals(Set.of(REOPENED), FindingLifecycle.successors(FALSE_POSITIVE));
    }

    @Test
    public void aFixIsNotClosure() {
        assertEquals(Optional.of("only a passed retest or a discovery run that covered the surface verifies a"
                + " finding; a fix is not closure"), FindingLifecycle.refusal(RESOLVED, VERIFIED, StatusCause.MANUAL));
        assertTrue(FindingLifecycle.refusal(RESOLVED, VERIFIED, StatusCause.TRACKER).isPresent());
        assertTrue(FindingLifecycle.refusal(RESOLVED, VERIFIED, StatusCause.VALIDATION).isEmpty());
        assertTrue(FindingLifecycle.refusal(RESOLVED, VERIFIED, StatusCause.DISCOVERY).isEmpty());
    }

    @Test
    public void riskIsAcceptedOnlyThroughAnAcceptance() {
        assertTrue(FindingLifecycle.refusal(OPEN, RISK_ACCEPTED, StatusCause.MANUAL).isPresent());
        assertTrue(FindingLifecycle.refusal(OPEN, RISK_ACCEPTED, StatusCause.ACCEPTANCE).isEmpty());
        assertTrue(FindingLifecycle.refusal(RISK_ACCEPTED, REOPENED, StatusCause.EXPIRY).isEmpty());
        assertTrue(FindingLifecycle.refusal(RISK_ACCEPTED, REOPENED, StatusCause.TRACKER).isPresent());
    }

    @Test
    public void forbiddenMovesAreNamed() {
        assertEquals(Optional.of("a finding cannot go from Verified to In progress"),
                FindingLifecycle.refusal(VERIFIED, IN_PROGRESS, StatusCause.MANUAL));
        assertTrue(FindingLifecycle.refusal(FALSE_POSITIVE, OPEN, StatusCause.MANUAL).isPresent());
        for (FindingStatus status : FindingStatus.values()) {
            assertTrue(status + " to itself", FindingLifecycle.refusal(status, status, StatusCause.MANUAL).isPresent());
        }
    }

    @Test
    public void residualMeansStillNeedingWorkOrWatching() {
        assertFalse(FindingLifecycle.residual(VERIFIED));
        assertFalse(FindingLifecycle.residual(FALSE_POSITIVE));
        assertTrue(FindingLifecycle.residual(RISK_ACCEPTED));
        assertTrue(FindingLifecycle.residual(REOPENED));
    }
}
