package org.ctemcycles.core.evidence;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The register entries behind the app's JQL functions, read from the record each time (no copy that could drift):
 * the top of a cycle's queue, the overdue work, the findings in CISA KEV, and the issues whose work waits at a stage.
 * Who may see which cycle is the caller's business (the Jira adapter checks it before asking).
 */
public final class MobilisedIssues {

    /** The largest queue top a query may ask for (the ranks are read in one statement). */
    public static final int MAX_TOP = 1000;

    private final MobilisedIssueSource source;
    private final Clock clock;

    public MobilisedIssues(MobilisedIssueSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /**
     * Where a mobilised finding's work waits, as a CTEM stage: Mobilisation while remediation is open (open, in
     * progress, reopened), Validation once resolved and waiting for the retest that verifies it, Closed when settled
     * (verified, false positive, risk accepted). Issues exist only from mobilisation on, so the earlier stages have
     * none.
     */
    public static Optional<Stage> workStage(FindingStatus status) {
        return switch (status) {
            case OPEN, IN_PROGRESS, REOPENED -> Optional.of(Stage.MOBILISATION);
            case RESOLVED -> Optional.of(Stage.VALIDATION);
            case VERIFIED, FALSE_POSITIVE, RISK_ACCEPTED -> Optional.of(Stage.CLOSED);
        };
    }

    /** The stages {@link #workStage} can answer. */
    public static boolean holdsIssues(Stage stage) {
        return stage == Stage.MOBILISATION || stage == Stage.VALIDATION || stage == Stage.CLOSED;
    }

    /** The mobilised entries among the cycle's top {@code top} findings, in queue order. */
    public List<RegisterEntry> queueTop(String cycleKey, int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new InvalidInputException("top", "must be a whole number from 1 to " + MAX_TOP + ", not " + top);
        }
        return source.queueTop(cycleKey, top);
    }

    /** The cycle's mobilised entries whose remediation is open and whose deadline in force is before today. */
    public List<RegisterEntry> overdue(String cycleKey) {
        LocalDate today = LocalDate.now(clock);
        return source.mobilised(cycleKey).stream()
                .filter(e -> workStage(e.status()).orElse(null) == Stage.MOBILISATION)
                .filter(e -> e.deadline() != null && e.deadline().isBefore(today))
                .toList();
    }

    /** The cycle's mobilised entries whose work waits at {@code stage} (see {@link #workStage}). */
    public List<RegisterEntry> atStage(String cycleKey, Stage stage) {
        if (!holdsIssues(stage)) {
            throw new InvalidInputException("stage", "issues wait only at Mobilisation, Validation or Closed, not at "
                    + stage.label());
        }
        return source.mobilised(cycleKey).stream().filter(e -> workStage(e.status()).orElse(null) == stage).toList();
    }

    /** The mobilised entries of these cycles whose finding the cycle's queue has in CISA KEV. */
    public List<RegisterEntry> inKev(Collection<String> cycleKeys) {
        return cycleKeys.isEmpty() ? List.of() : source.inKev(cycleKeys);
    }
}
