package org.ctemcycles.core.discovery;

import java.time.Instant;

/** A signal to store: one source's sighting of one finding in one run. */
public record NewSignal(long findingId, long runId, String cycleKey, String surfaceKey, String assetKey,
                        Sighting sighting, Instant seenAt) {
}
