package org.ctemcycles.core.cycle;

/**
 * Changes to a cycle's objectives, success criteria and cadence as a user entered them, every value raw text; a
 * null value leaves that part unchanged. Recorded before discovery starts (only in the Scoping stage).
 */
public record ScopeDraft(String objective, String successCriteria, String start, String plannedEnd,
                         String checkpointIntervalDays) {
}
