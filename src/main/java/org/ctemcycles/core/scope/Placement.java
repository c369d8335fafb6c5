package org.ctemcycles.core.scope;

import java.util.Objects;

/**
 * Where scope mapping put an observation: its asset in canonical form, and the surface whose rule matched it, or no
 * surface when no rule did (the observation is kept and marked out of scope, never dropped).
 *
 * @param surfaceKey the matching surface, or null when out of scope
 */
public record Placement(Asset asset, String surfaceKey) {

    public Placement {
        Objects.requireNonNull(asset, "asset");
    }

    public boolean inScope() {
        return surfaceKey != null;
    }
}
