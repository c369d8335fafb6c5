package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.DecisionRepository;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;

/** What every {@link DecisionRepository} promises: append only, runs in queue order, histories oldest first. */
public abstract class DecisionRepositoryContract {

    private DecisionRepository decisions;

    protected abstract DecisionRepository repository();

    @Before
    public void create() {
        decisions = repository();
    }

    /** Three findings ranked at {@code at}; F-2's rank and tier follow the criticality of its surface. */
    static List<Decision> rank(String at, Criticality f2) {
        return PriorityEngine.of(PriorityPolicy.defaults()).prioritise(List.of(
                finding("F-1").cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                        .on(Criticality.CRITICAL, Exposure.INTERNET_FACING).build(),
                finding("F-2").cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").on(f2, Exposure.INTERNAL).build(),
                finding("F-3").build()), null, null, Instant.parse(at));
    }

    @Test
    public void aRunReadsBackEqualInQueueOrder() {
        List<Decision> ranked = rank("2026-07-01T09:00:00Z", Criticality.LOW);
        decisions.append("run-1", ranked);
        assertEquals(ranked, decisions.run("run-1"));
        assertEquals(List.of(), decisions.run("run-2"));
    }

    @Test
    public void theNewestDecisionOfEachFindingIsItsCurrentOneInTheCycle() {
        List<Decision> first = rank("2026-07-01T09:00:00Z", Criticality.LOW);
        List<Decision> second = rank("2026-07-02T09:00:00Z", Criticality.CRITICAL);
        decisions.appendToCycle("A", "run-1", first);
        decisions.appendToCycle("A", "run-2", second);
        decisions.appendToCycle("B", "run-3", first);
        List<Decision> current = decisions.latestInCycle("A");
        assertEquals(second.stream().sorted(Decision.RANKING).toList(), current);
        Map<String, Tier> tiers = decisions.latestTiers("A");
        assertEquals(3, tiers.size());
        second.forEach(d -> assertEquals(d.tier(), tiers.get(d.findingKey())));
        assertEquals(List.of(), decisions.latestInCycle("C"));
        assertEquals(Map.of(), decisions.latestTiers("C"));
    }

    @Test
    public void aFindingsHistoryIsOldestFirstAndItsLatestIsTheNewest() {
        List<Decision> first = rank("2026-07-01T09:00:00Z", Criticality.LOW);
        List<Decision> second = rank("2026-07-02T09:00:00Z", Criticality.CRITICAL);
        decisions.append("run-2", second);
        decisions.append("run-1", first);
        Decision f2First = first.stream().filter(d -> d.findingKey().equals("F-2")).findFirst().orElseThrow();
        Decision f2Second = second.stream().filter(d -> d.findingKey().equals("F-2")).findFirst().orElseThrow();
        assertEquals(List.of(f2First, f2Second), decisions.history("F-2"));
        assertEquals(Optional.of(f2Second), decisions.latest("F-2"));
        assertEquals(Optional.empty(), decisions.latest("F-9"));
        assertEquals(List.of(), decisions.history("F-9"));
    }
}
