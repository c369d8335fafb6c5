package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.cadence.ClosureRepository;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.common.ConflictException;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** What every {@link ClosureRepository} promises: one summary per closed cycle, read back equal. */
public abstract class ClosureRepositoryContract {

    private ClosureRepository closures;

    protected abstract ClosureRepository repository();

    @Before
    public void create() {
        closures = repository();
    }

    private static ClosureSummary summary(String cycle) {
        return new ClosureSummary(cycle, Instant.parse("2026-09-30T17:00:00Z"), "lead", List.of("F-1", "F-2"),
                List.of("F-3"), List.of("F-4"), 1, List.of("PAY-API added"), List.of("PAY-API", "HR-APP"),
                CheckpointRepositoryContract.metrics());
    }

    @Test
    public void aSummaryReadsBackEqualAndASecondOneForTheCycleIsAConflict() {
        ClosureSummary summary = summary("A");
        closures.insert(summary);
        assertEquals(Optional.of(summary), closures.find("A"));
        assertEquals(Optional.empty(), closures.find("B"));
        try {
            closures.insert(summary("A"));
            fail("one summary per cycle");
        } catch (ConflictException expected) {
            assertEquals(Optional.of(summary), closures.find("A"));
        }
    }

    @Test
    public void emptyListsStayEmpty() {
        ClosureSummary bare = new ClosureSummary("A", Instant.parse("2026-09-30T17:00:00Z"), "lead", List.of(),
                List.of(), List.of(), 0, List.of(), List.of(), CheckpointRepositoryContract.metrics());
        closures.insert(bare);
        assertEquals(Optional.of(bare), closures.find("A"));
    }
}
