package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.finding.FindingStatus;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** Planned checkpoints from the cadence, and where each stands; the metrics snapshot's text form. */
public class CheckpointPlanTest {

    private static final Cadence QUARTER = new Cadence(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), 14);
    private static final MetricsSnapshot EMPTY = new MetricsSnapshot(Map.of(), Map.of(), Map.of(), 0, 0, 0);

    private static Checkpoint held(String day, String planned) {
        return new Checkpoint("CTEM-1", LocalDate.parse(day), planned == null ? null : LocalDate.parse(planned),
                Instant.parse(day + "T10:00:00Z"), "lead", "", EMPTY);
    }

    @Test
    public void plannedDatesFallEveryIntervalBeforeThePlannedEnd() {
        List<LocalDate> planned = CheckpointPlan.plannedDates(QUARTER);
        assertEquals(6, planned.size());
        assertEquals(LocalDate.parse("2026-07-15"), planned.get(0));
        assertEquals(LocalDate.parse("2026-09-23"), planned.get(5));
        assertEquals(List.of(LocalDate.parse("2026-07-02")), CheckpointPlan.plannedDates(
                new Cadence(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-03"), 1)));
    }

    @Test
    public void graceNeverLetsNeighbouringWindowsOverlap() {
        assertEquals(2, CheckpointPlan.graceDays(14));
        assertEquals(2, CheckpointPlan.graceDays(5));
        assertEquals(1, CheckpointPlan.graceDays(3));
        assertEquals(0, CheckpointPlan.graceDays(2));
        assertEquals(0, CheckpointPlan.graceDays(1));
    }

    @Test
    public void aCheckpointHeldNearAPlannedDateStandsForIt() {
        assertEquals(LocalDate.parse("2026-07-15"), CheckpointPlan.plannedFor(QUARTER, LocalDate.parse("2026-07-13"), List.of()));
        assertEquals(LocalDate.parse("2026-07-15"), CheckpointPlan.plannedFor(QUARTER, LocalDate.parse("2026-07-17"), List.of()));
        assertNull(CheckpointPlan.plannedFor(QUARTER, LocalDate.parse("2026-07-20"), List.of()));
        assertNull("a planned checkpoint is held once", CheckpointPlan.plannedFor(QUARTER,
                LocalDate.parse("2026-07-16"), List.of(held("2026-07-15", "2026-07-15"))));
    }

    @Test
    public void theScheduleShowsHeldDueMissedAndUpcoming() {
        List<PlannedCheckpoint> schedule = CheckpointPlan.schedule(QUARTER, List.of(held("2026-07-16", "2026-07-15"),
                held("2026-08-01", null)), LocalDate.parse("2026-08-11"), null);
        assertEquals(PlannedCheckpoint.Status.HELD, schedule.get(0).status());
        assertEquals(LocalDate.parse("2026-07-16"), schedule.get(0).heldOn());
        assertEquals("an unplanned checkpoint stands for nothing", PlannedCheckpoint.Status.MISSED,
                schedule.get(1).status());
        assertEquals(PlannedCheckpoint.Status.DUE, schedule.get(2).status());
        assertEquals(PlannedCheckpoint.Status.UPCOMING, schedule.get(3).status());
    }

    @Test
    public void afterClosureNothingIsMissedAnyMore() {
        List<PlannedCheckpoint> schedule = CheckpointPlan.schedule(QUARTER, List.of(),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-08-20"));
        assertEquals(PlannedCheckpoint.Status.MISSED, schedule.get(2).status());
        assertEquals(PlannedCheckpoint.Status.AFTER_CLOSURE, schedule.get(4).status());
    }

    @Test
    public void metricsSurviveTheirTextForm() {
        MetricsSnapshot metrics = new MetricsSnapshot(Map.of(MetricsSnapshot.DISCOVERED, 12, MetricsSnapshot.CLOSED, 3),
                Map.of("Act", 2, "Track*", 4, MetricsSnapshot.UNRANKED, 6),
                Map.of(FindingStatus.OPEN, 9, FindingStatus.VERIFIED, 3), 2, 4, 3);
        MetricsSnapshot read = MetricsSnapshot.decode(metrics.encode());
        assertEquals(12, read.stage(MetricsSnapshot.DISCOVERED));
        assertEquals(0, read.stage(MetricsSnapshot.MOBILISED));
        assertEquals(metrics.byTier(), read.byTier());
        assertEquals(9, read.status(FindingStatus.OPEN));
        assertEquals(0, read.status(FindingStatus.RESOLVED));
        assertEquals(2, read.slaBreaches());
        assertEquals(4, read.surfacesInScope());
        assertEquals(3, read.surfacesCovered());
        assertEquals(metrics, read);
    }
}
