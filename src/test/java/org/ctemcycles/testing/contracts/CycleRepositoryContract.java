package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleRepository;
import org.ctemcycles.core.cycle.Stage;
import org.junit.Before;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** What every {@link CycleRepository} promises; a subclass per implementation supplies a fresh, empty one. */
public abstract class CycleRepositoryContract {

    private CycleRepository cycles;

    protected abstract CycleRepository repository();

    @Before
    public void create() {
        cycles = repository();
    }

    public static Cycle cycle(String key, String start) {
        LocalDate from = LocalDate.parse(start);
        return new Cycle(key, "Cycle " + key, "objective \u2018quoted\u2019", new Cadence(from, from.plusDays(90), 14),
                Stage.SCOPING, Instant.parse("2026-06-20T09:00:00.123Z"), "lead", "", "", "", 1, "SEC");
    }

    @Test
    public void anInsertedCycleReadsBackEqualAndASecondWithItsKeyIsRefused() {
        Cycle cycle = cycle("CTEM-1", "2026-07-01");
        assertTrue(cycles.insert(cycle));
        assertEquals(Optional.of(cycle), cycles.find("CTEM-1"));
        assertFalse(cycles.insert(cycle("CTEM-1", "2027-01-01")));
        assertEquals(Optional.of(cycle), cycles.find("CTEM-1"));
        assertEquals(Optional.empty(), cycles.find("CTEM-2"));
    }

    @Test
    public void listIsNewestStartFirstThenByKey() {
        cycles.insert(cycle("B", "2026-01-01"));
        cycles.insert(cycle("C", "2026-07-01"));
        cycles.insert(cycle("A", "2026-01-01"));
        cycles.insert(cycle("D", "2025-10-01"));
        assertEquals(List.of("C", "A", "B", "D"), cycles.list().stream().map(Cycle::key).toList());
    }

    @Test
    public void anUpdateStoresTheNextRevisionAndAStaleOneIsAConflict() {
        Cycle cycle = cycle("CTEM-1", "2026-07-01");
        cycles.insert(cycle);
        Cycle changed = new Cycle(cycle.key(), "renamed", cycle.objective(), cycle.cadence(), Stage.DISCOVERY,
                cycle.createdAt(), cycle.createdBy(), "criteria", "CTEM-0", "CTEM-2", cycle.version(), "OPS");
        Cycle stored = cycles.update(changed);
        assertEquals(2, stored.version());
        assertEquals("renamed", stored.name());
        assertEquals(Stage.DISCOVERY, stored.stage());
        assertEquals("OPS", stored.projectKey());
        assertEquals(Optional.of(stored), cycles.find("CTEM-1"));
        try {
            cycles.update(changed);
            fail("revision 1 is stale");
        } catch (ConflictException e) {
            assertFalse("a stale revision is not worth retrying", e.retryable());
            assertTrue(e.getMessage(), e.getMessage().contains("CTEM-1"));
        }
        assertEquals(Optional.of(stored), cycles.find("CTEM-1"));
    }

    @Test
    public void updatingAnUnknownCycleIsNotFound() {
        try {
            cycles.update(cycle("NOPE", "2026-07-01"));
            fail();
        } catch (NotFoundException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("NOPE"));
        }
    }
}
