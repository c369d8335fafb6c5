package org.ctemcycles.core.cadence;

import java.util.Map;
import java.util.Set;

/**
 * What the discovery and prioritisation stages have produced in a cycle, as far as the stage gates and the
 * checkpoint metrics need to know it: a port, so that the gates read those stages' facts without their services.
 * {@code store.AoCycleProgress} implements it over discovery's runs and coverage and the stored decisions.
 */
public interface CycleProgress {

    /** How many discovery runs were recorded in the cycle. */
    int discoveryRuns(String cycleKey);

    /** The keys of the cycle's surfaces that at least one discovery run covered. */
    Set<String> coveredSurfaces(String cycleKey);

    /** The priority tier of each finding that has a current decision in the cycle, by finding key. */
    Map<String, String> tiers(String cycleKey);
}
