package org.ctemcycles.core.discovery;

/**
 * A signal not yet soft-deleted, as the fix-candidate check needs it.
 *
 * @param assetKey what of its finding's asset the run covered ({@link ObservedFinding#coverageKey()}): the asset's
 *                 identity key, with the deployment when there is one
 */
public record LiveSignal(long signalId, long findingId, String surfaceKey, String assetKey) {
}
