package org.ctemcycles.core.discovery;

/**
 * A signal not yet soft-deleted, as the fix-candidate check needs it.
 *
 * @param assetKey the identity key of its finding's asset
 */
public record LiveSignal(long signalId, long findingId, String surfaceKey, String assetKey) {
}
