package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.scope.Placement;

import java.util.List;

/**
 * The observations of one report that share an identity, merged: what a run says about one finding. Title, tool, rule
 * and location are those of the first observation; CVEs, CWEs and CVSS vectors the union; the severity the highest.
 *
 * @param sightings one per source (kind and tool) that reported it, usually one
 */
public record ObservedFinding(FindingIdentity identity, Placement placement, String title, String tool,
                              String ruleId, String location, ObservedSeverity severity, List<String> cves,
                              List<String> cwes, List<String> cvssVectors, int observations,
                              List<Sighting> sightings) {
}
