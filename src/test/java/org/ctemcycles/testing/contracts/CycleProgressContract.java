package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.cadence.CycleProgress;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.scope.Criticality;
import org.junit.Before;
import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

/**
 * What every {@link CycleProgress} promises: discovery runs counted per cycle, the surfaces any of them covered, and
 * the tier of each finding's current (newest) decision. A subclass records runs and rankings as its stages would.
 */
public abstract class CycleProgressContract {

    private CycleProgress progress;

    /** A fresh, empty progress over the store the recording methods write to. */
    protected abstract CycleProgress progress();

    /** Records a discovery run of the cycle that covered these surfaces. */
    protected abstract void recordDiscoveryRun(String cycleKey, Set<String> coveredSurfaces);

    /** Records a ranking of the cycle's register: its decisions become the findings' current ones. */
    protected abstract void recordRanking(String cycleKey, String runId, List<Decision> ranked);

    @Before
    public void create() {
        progress = progress();
    }

    private static Map<String, String> tiers(List<Decision> decisions) {
        return decisions.stream().collect(Collectors.toMap(Decision::findingKey, d -> d.tier().name()));
    }

    @Test
    public void aCycleWithNothingRecordedHasNoRunsNoCoverageAndNoTiers() {
        recordDiscoveryRun("B", Set.of("WEB"));
        recordRanking("B", "run-b", DecisionRepositoryContract.rank("2026-07-01T09:00:00Z", Criticality.LOW));
        assertEquals(0, progress.discoveryRuns("A"));
        assertEquals(Set.of(), progress.coveredSurfaces("A"));
        assertEquals(Map.of(), progress.tiers("A"));
    }

    @Test
    public void runsAreCountedPerCycleAndCoverageIsTheUnionOfTheirSurfaces() {
        recordDiscoveryRun("A", Set.of("WEB", "API"));
        recordDiscoveryRun("B", Set.of("HR"));
        recordDiscoveryRun("A", Set.of("API", "VPN"));
        recordDiscoveryRun("A", Set.of());
        assertEquals(3, progress.discoveryRuns("A"));
        assertEquals(1, progress.discoveryRuns("B"));
        assertEquals(Set.of("API", "VPN", "WEB"), progress.coveredSurfaces("A"));
        assertEquals(Set.of("HR"), progress.coveredSurfaces("B"));
    }

    @Test
    public void eachFindingsTierIsThatOfItsNewestDecisionInTheCycle() {
        List<Decision> first = DecisionRepositoryContract.rank("2026-07-01T09:00:00Z", Criticality.LOW);
        List<Decision> second = DecisionRepositoryContract.rank("2026-07-02T09:00:00Z", Criticality.CRITICAL);
        // the two rankings must disagree on F-2, or the test could not tell newest from oldest
        assertNotEquals(tiers(first).get("F-2"), tiers(second).get("F-2"));
        recordRanking("A", "run-1", first);
        recordRanking("A", "run-2", second);
        recordRanking("B", "run-3", first);
        assertEquals(tiers(second), progress.tiers("A"));
        assertEquals(tiers(first), progress.tiers("B"));
    }
}
