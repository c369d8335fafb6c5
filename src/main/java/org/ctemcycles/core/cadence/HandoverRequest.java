package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.CycleDraft;

/**
 * Where a closed cycle's residual queue goes: a new cycle opened from {@code newCycle}, or the existing cycle
 * {@code nextCycleKey} (which must still be in Scoping); exactly one of the two. With {@code carryScope} the closed
 * cycle's surfaces are copied into the next cycle's scope as its starting point.
 */
public record HandoverRequest(CycleDraft newCycle, String nextCycleKey, boolean carryScope) {
}
