package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.Stage;

import java.util.List;

/**
 * A stage transition that happened: the cycle as it is now, the stage it left, and, when a security lead overrode
 * the gate, the criteria that were unmet and the reason given.
 */
public record StageTransition(Cycle cycle, Stage from, List<String> overriddenCriteria, String overrideReason) {

    public boolean overridden() {
        return !overriddenCriteria.isEmpty();
    }
}
