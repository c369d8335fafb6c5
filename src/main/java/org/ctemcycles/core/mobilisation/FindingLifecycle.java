package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.ctemcycles.core.finding.FindingStatus.FALSE_POSITIVE;
import static org.ctemcycles.core.finding.FindingStatus.IN_PROGRESS;
import static org.ctemcycles.core.finding.FindingStatus.OPEN;
import static org.ctemcycles.core.finding.FindingStatus.REOPENED;
import static org.ctemcycles.core.finding.FindingStatus.RESOLVED;
import static org.ctemcycles.core.finding.FindingStatus.RISK_ACCEPTED;
import static org.ctemcycles.core.finding.FindingStatus.VERIFIED;

/**
 * The documented status transitions of a finding, and which causes may make them.
 *
 * <pre>
 * from            to
 * open            in progress, resolved, verified, risk accepted, false positive
 * in progress     open, resolved, verified, risk accepted, false positive
 * resolved        verified, reopened
 * verified        reopened
 * reopened        in progress, resolved, verified, risk accepted, false positive
 * risk accepted   reopened, verified
 * false positive  reopened
 * </pre>
 *
 * Besides: only a validation (retest passed) or a discovery run that covered the surface may make a finding
 * verified (a fix in the tracker is not closure); only a risk acceptance (owner, compensating control, expiry) makes
 * it risk accepted; a risk acceptance ends by expiry or by a person reopening the finding.
 * How each validation outcome moves a finding is {@code ValidationOutcome.nextStatus}'s (validation applies it).
 */
public final class FindingLifecycle {

    private static final Map<FindingStatus, Set<FindingStatus>> ALLOWED = Map.of(
            OPEN, Set.of(IN_PROGRESS, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
            IN_PROGRESS, Set.of(OPEN, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
            RESOLVED, Set.of(VERIFIED, REOPENED),
            VERIFIED, Set.of(REOPENED),
            REOPENED, Set.of(IN_PROGRESS, RESOLVED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE),
            RISK_ACCEPTED, Set.of(REOPENED, VERIFIED),
            FALSE_POSITIVE, Set.of(REOPENED));

    private FindingLifecycle() {
    }

    /** The statuses a finding may move to from {@code from}, for any cause. */
    public static Set<FindingStatus> successors(FindingStatus from) {
        return ALLOWED.get(from);
    }

    /** Why the move is refused, or empty when {@code cause} may move a finding from {@code from} to {@code to}. */
    public static Optional<String> refusal(FindingStatus from, FindingStatus to, StatusCause cause) {
        if (!ALLOWED.get(from).contains(to)) {
            return Optional.of("a finding cannot go from " + from.label() + " to " + to.label());
        }
        if (to == VERIFIED && cause != StatusCause.VALIDATION && cause != StatusCause.DISCOVERY) {
            return Optional.of("only a passed retest or a discovery run that covered the surface verifies a finding;"
                    + " a fix is not closure");
        }
        if (to == RISK_ACCEPTED && cause != StatusCause.ACCEPTANCE) {
            return Optional.of("risk is accepted with an owner, a compensating control and an expiry");
        }
        if (from == RISK_ACCEPTED && to == REOPENED && cause != StatusCause.EXPIRY && cause != StatusCause.MANUAL
                && cause != StatusCause.VALIDATION) {
            return Optional.of("a risk acceptance ends by expiry or by a person reopening the finding");
        }
        return Optional.empty();
    }

    /** A finding still needs work or watching: anything but verified and false positive. */
    public static boolean residual(FindingStatus status) {
        return status != VERIFIED && status != FALSE_POSITIVE;
    }
}
