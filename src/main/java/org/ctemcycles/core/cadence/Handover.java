package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.scope.Surface;

import java.util.List;

/**
 * The result of handing a closed cycle over: the next cycle (opened for it, or linked), the residual entries it
 * inherited (with their status, owner, deadline, issue and acceptance), the surfaces carried into its scope, and
 * the items of the recommended next-cycle scope it took.
 */
public record Handover(String fromCycleKey, Cycle next, List<RegisterEntry> inherited, List<Surface> carriedScope,
                       List<RecommendedItem> taken) {

    public Handover {
        inherited = List.copyOf(inherited);
        carriedScope = List.copyOf(carriedScope);
        taken = List.copyOf(taken);
    }
}
