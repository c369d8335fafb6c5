package org.ctemcycles.core.cadence;

import org.ctemcycles.core.scope.AssetKind;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What discovery recorded about a cycle, as far as the recommended next-cycle scope needs it: a port, so that
 * closure reads discovery's facts without its services (the composition root implements it over discovery).
 */
public interface DiscoveryFacts {

    /**
     * The surface each finding was last seen on, looking in the cycle and then back along its handovers (an inherited
     * finding was seen in an earlier cycle); findings seen on no surface are left out.
     */
    Map<String, String> surfacesOf(String cycleKey, Collection<String> findingKeys);

    /** When a discovery run last covered each surface of the cycle; surfaces no run covered are left out. */
    Map<String, Instant> lastCovered(String cycleKey);

    /** The assets discovery saw in the cycle that no scope rule matched, one per asset. */
    List<UnscopedAsset> unscopedAssets(String cycleKey);

    /**
     * An asset outside every scope rule.
     *
     * @param value    the asset as discovery normalised it (a host name, an address, a URL, a repository, ...)
     * @param findings how many of the cycle's findings are on it
     */
    record UnscopedAsset(AssetKind kind, String value, int findings, Instant lastSeen) {
    }
}
