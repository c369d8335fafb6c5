package org.ctemcycles.core.priority;

import java.util.List;
import java.util.Optional;

/**
 * Keeps decisions, append-only: a re-prioritisation appends new decisions and never changes or removes the old ones,
 * so the history of every finding's rank and rationale survives for the evidence pack.
 */
public interface DecisionRepository {

    /**
     * Stores the decisions of one run, in queue order, in one transaction (all or none).
     *
     * @param runId  identifies the run; the queue of a run can be read back with {@link #run}
     * @param ranked the decisions in queue order (position 1 first)
     */
    void append(String runId, List<Decision> ranked);

    /** The decisions of one run, in queue order. */
    List<Decision> run(String runId);

    /** The newest decision of a finding. */
    Optional<Decision> latest(String findingKey);

    /** Every decision of a finding, oldest first. */
    List<Decision> history(String findingKey);
}
