package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.CycleDraft;

import java.util.List;

/**
 * Where a closed cycle's residual queue goes: a new cycle opened from {@code newCycle}, or the existing cycle
 * {@code nextCycleKey} (which must still be in Scoping); exactly one of the two. With {@code carryScope} the closed
 * cycle's surfaces are copied into the next cycle's scope as its starting point; {@code take} names the items of the
 * closed cycle's recommended next-cycle scope the next cycle takes (by number), each recorded as taken.
 */
public record HandoverRequest(CycleDraft newCycle, String nextCycleKey, boolean carryScope, List<Integer> take) {

    public HandoverRequest {
        take = take == null ? List.of() : List.copyOf(take);
    }

    /** A handover that takes no recommended item. */
    public HandoverRequest(CycleDraft newCycle, String nextCycleKey, boolean carryScope) {
        this(newCycle, nextCycleKey, carryScope, List.of());
    }
}
