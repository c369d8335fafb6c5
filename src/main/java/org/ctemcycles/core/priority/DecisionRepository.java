package org.ctemcycles.core.priority;

import java.util.List;
import java.util.Map;
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

    /**
     * As {@link #append(String, List)}, for a run that ranked a cycle's register: the decisions belong to that
     * cycle, and the newest of each finding is its current decision there ({@link #latestTiers},
     * {@link #latestInCycle}).
     */
    void appendToCycle(String cycleKey, String runId, List<Decision> ranked);

    /** The tier of each finding's newest decision in the cycle, by finding key (summary columns only). */
    Map<String, Tier> latestTiers(String cycleKey);

    /** The newest decision of each finding in the cycle, in queue order ({@link Decision#RANKING}). */
    List<Decision> latestInCycle(String cycleKey);

    /** The decisions of one run, in queue order. */
    List<Decision> run(String runId);

    /** The newest decision of a finding. */
    Optional<Decision> latest(String findingKey);

    /** Every decision of a finding, oldest first. */
    List<Decision> history(String findingKey);
}
