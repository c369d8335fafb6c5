package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.Placement;

import java.util.List;

/**
 * The observations of one report that share an identity, merged: what a run says about one finding. Title, tool, rule
 * and location are those of the first observation; CVEs, CWEs and CVSS vectors the union; the severity the highest.
 *
 * @param sightings  one per source (kind and tool) that reported it, usually one
 * @param deployment where the asset runs (a Kubernetes workload), or null; see {@link #coverageKey()}
 */
public record ObservedFinding(FindingIdentity identity, Placement placement, String title, String tool,
                              String ruleId, String location, ObservedSeverity severity, List<String> cves,
                              List<String> cwes, List<String> cvssVectors, int observations,
                              List<Sighting> sightings, String deployment) {

    /** What a run that reported this finding covered of its asset (the key its signals are stored under). */
    public String coverageKey() {
        return coverageKey(placement.asset(), deployment);
    }

    /**
     * The asset's identity key, and the deployment when there is one: a Kubernetes scan of one namespace reports the
     * image only in the workloads it saw, so it covers the image in those workloads, not in every workload running it.
     */
    static String coverageKey(Asset asset, String deployment) {
        return deployment == null ? asset.identityKey() : asset.identityKey() + " @ " + deployment;
    }
}
