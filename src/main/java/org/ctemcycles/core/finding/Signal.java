package org.ctemcycles.core.finding;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One discovery run's sighting of a finding, as that source reported it: the attribution that proves who saw the
 * exposure, when, and how severe they called it. A run's observations of one finding make one signal
 * ({@link #observations()} counts them; location and evidence are those of the first). Signals are never deleted:
 * when a later complete run of the same source covering the surface no longer sees the finding, its live signals
 * from that source are soft-deleted ({@link #deletedAt()} is set), which keeps regression and retest provable.
 *
 * @param deletedAt      when it was soft-deleted (a later run no longer saw it), or null while it is live
 * @param deletedByRunId the run that no longer saw it, or 0
 * @param vex            the VEX analysis the source stated, or null
 */
public record Signal(long id, long findingId, long runId, SourceKind sourceKind, String tool, String toolVersion,
                     String rawSeverity, ObservedSeverity severity, Instant seenAt, int observations,
                     String location, String evidence, Map<String, String> attributes, VexAnalysis vex,
                     Instant deletedAt, long deletedByRunId) {

    public Signal {
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(seenAt, "seenAt");
        attributes = Map.copyOf(attributes);
    }

    public boolean live() {
        return deletedAt == null;
    }
}
