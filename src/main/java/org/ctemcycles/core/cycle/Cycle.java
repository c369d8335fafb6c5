package org.ctemcycles.core.cycle;

import java.time.Instant;
import java.util.Objects;

/**
 * A CTEM cycle: one run of scoping, discovery, prioritisation, validation and mobilisation with its own objective
 * and cadence, identified by a short unique key (for example {@code CTEM-2026-Q3}).
 *
 * @param createdBy the Jira user key of the security lead who opened the cycle (or the local user for the CLI)
 */
public record Cycle(String key, String name, String objective, Cadence cadence, Stage stage,
                    Instant createdAt, String createdBy) {

    public Cycle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
