package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.Cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoints a cadence plans: every {@code checkpointIntervalDays} after the start, before the planned end. A
 * checkpoint held within {@link #graceDays} days of a planned date stands for it; a planned date more than that
 * many days in the past with none held is missed.
 */
public final class CheckpointPlan {

    private CheckpointPlan() {
    }

    public static List<LocalDate> plannedDates(Cadence cadence) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = cadence.start().plusDays(cadence.checkpointIntervalDays());
             day.isBefore(cadence.plannedEnd()); day = day.plusDays(cadence.checkpointIntervalDays())) {
            dates.add(day);
        }
        return dates;
    }

    /** Two days, or less for short intervals, so that windows of neighbouring checkpoints never overlap. */
    public static int graceDays(int intervalDays) {
        return Math.min(2, (intervalDays - 1) / 2);
    }

    /** The planned date a checkpoint held on {@code day} stands for, if it is near one that is not yet held. */
    static LocalDate plannedFor(Cadence cadence, LocalDate day, List<Checkpoint> held) {
        int grace = graceDays(cadence.checkpointIntervalDays());
        for (LocalDate planned : plannedDates(cadence)) {
            boolean near = !day.isBefore(planned.minusDays(grace)) && !day.isAfter(planned.plusDays(grace));
            boolean taken = held.stream().anyMatch(c -> planned.equals(c.plannedFor()));
            if (near && !taken) {
                return planned;
            }
        }
        return null;
    }

    /**
     * Where each planned checkpoint stands on {@code today}.
     *
     * @param closedOn the day the cycle closed, or null while it runs
     */
    public static List<PlannedCheckpoint> schedule(Cadence cadence, List<Checkpoint> held, LocalDate today,
                                                   LocalDate closedOn) {
        int grace = graceDays(cadence.checkpointIntervalDays());
        LocalDate reference = closedOn != null && closedOn.isBefore(today) ? closedOn : today;
        List<PlannedCheckpoint> schedule = new ArrayList<>();
        for (LocalDate planned : plannedDates(cadence)) {
            LocalDate heldOn = held.stream().filter(c -> planned.equals(c.plannedFor())).map(Checkpoint::heldOn)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            PlannedCheckpoint.Status status;
            if (heldOn != null) {
                status = PlannedCheckpoint.Status.HELD;
            } else if (closedOn != null && planned.isAfter(closedOn)) {
                status = PlannedCheckpoint.Status.AFTER_CLOSURE;
            } else if (reference.isAfter(planned.plusDays(grace))) {
                status = PlannedCheckpoint.Status.MISSED;
            } else if (!reference.isBefore(planned.minusDays(grace))) {
                status = PlannedCheckpoint.Status.DUE;
            } else {
                status = PlannedCheckpoint.Status.UPCOMING;
            }
            schedule.add(new PlannedCheckpoint(planned, status, heldOn));
        }
        return schedule;
    }
}
