package org.ctemcycles.core.cadence;

import java.time.LocalDate;
import java.util.List;

/**
 * The cadence record of a cycle, for the evidence pack: start, planned end, planned and actual checkpoints, the day
 * it closed (null while it runs), and the next cycle with the scope it takes on ("" and empty before handover).
 */
public record CadenceRecord(String cycleKey, LocalDate start, LocalDate plannedEnd, List<PlannedCheckpoint> planned,
                            List<LocalDate> actual, LocalDate closedOn, String nextCycleKey, List<String> nextScope) {
}
