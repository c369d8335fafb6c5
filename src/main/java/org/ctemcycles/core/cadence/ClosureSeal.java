package org.ctemcycles.core.cadence;

import java.time.Instant;
import java.util.List;

/**
 * Freezes a cycle's evidence pack at its closure (port; {@code app/FrozenReports} renders the pack and stores it).
 * Called by {@link ClosureService#close} inside the closure's transaction, after the closure is recorded and logged,
 * so the frozen pack holds the closure; the closure then logs what it froze.
 */
@FunctionalInterface
public interface ClosureSeal {

    /** Renders the closed cycle's evidence pack and stores each rendering; returns what it stored. */
    List<FrozenReport> freeze(String cycleKey, Instant at, String actor);

    /** Freezes nothing (a record without the evidence pack: the in-memory record of core's tests). */
    static ClosureSeal none() {
        return (cycleKey, at, actor) -> List.of();
    }
}
