package org.ctemcycles.core.cadence;

import java.time.Instant;

/**
 * Freezes a cycle's evidence pack at its closure (port; {@code app/FrozenReports} renders the pack, stores it and
 * logs its hashes). {@link ClosureService#close} records inside the closure's transaction that the pack is owed,
 * and freezes it once the closure has committed, in transactions of the seal's own (ADR 084): until then the cycle
 * is closed and its pack not yet frozen, and a retry of the closure, or the handover, finishes it.
 */
public interface ClosureSeal {

    /** Inside the closure's transaction: the closed cycle's pack is owed a freeze, dated {@code at}. */
    void owe(String cycleKey, Instant at, String actor);

    /** Whether the cycle was closed with its pack owed and the freeze has not finished. */
    boolean unfinished(String cycleKey);

    /**
     * Outside any transaction: freezes the pack if it is owed and not yet frozen, exactly once whichever node asks
     * (nothing when it is frozen, or was never owed).
     *
     * @throws org.ctemcycles.core.common.ConflictException when another attempt is freezing it right now
     */
    void finish(String cycleKey);

    /** Freezes nothing (a record without the evidence pack: the in-memory record of core's tests). */
    static ClosureSeal none() {
        return new ClosureSeal() {
            @Override
            public void owe(String cycleKey, Instant at, String actor) {
            }

            @Override
            public boolean unfinished(String cycleKey) {
                return false;
            }

            @Override
            public void finish(String cycleKey) {
            }
        };
    }
}
