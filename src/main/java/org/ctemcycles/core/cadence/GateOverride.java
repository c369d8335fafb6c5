package org.ctemcycles.core.cadence;

/**
 * A security lead's decision to pass a stage gate whose entry criteria are not met, with the reason that goes into
 * the activity log.
 */
public record GateOverride(String reason) {
}
