package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.AssetRef;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result of one discovery source, normalised from whatever format it came in (an importer's output, or a
 * finding entered by hand). Identity and dedup turn observations into findings; the free-text fields (title,
 * evidence) are kept for people and never take part in identity, since they change between scans.
 *
 * @param ruleId           the tool's stable id of what it checks: SARIF ruleId, Nessus plugin id, ZAP plugin id,
 *                         Nuclei template id, Trivy check id or vulnerability id, ...
 * @param fingerprint      a stable fingerprint the tool provides (e.g. SARIF partialFingerprints), or null
 * @param reportedSeverity the severity text exactly as the tool reported it
 * @param location         where on the asset: port/protocol, path and line, URL parameter, package@version; or ""
 * @param attributes       format-specific facts worth keeping (VPR, exploitability flags, baselineState, ...),
 *                         sorted by key
 * @param vex              the VEX analysis of a CycloneDX vulnerability, or null
 * @param deployment       where the asset runs, when one asset runs in several places that are each an exposure of
 *                         their own (a Kubernetes workload running an image: "cluster/namespace/kind/name"), or null;
 *                         part of the identity and of what a run covers, never free text
 */
public record Observation(SourceKind sourceKind, String tool, String toolVersion, String ruleId, String fingerprint,
                          String title, String reportedSeverity, ObservedSeverity severity, List<String> cves,
                          List<String> cwes, List<String> cvssVectors, AssetRef asset, String location,
                          String evidence, Map<String, String> attributes, VexAnalysis vex, String deployment) {

    public Observation {
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(asset, "asset");
        toolVersion = toolVersion == null ? "" : toolVersion;
        title = title == null ? "" : title;
        reportedSeverity = reportedSeverity == null ? "" : reportedSeverity;
        location = location == null ? "" : location;
        evidence = evidence == null ? "" : evidence;
        cves = List.copyOf(cves);
        cwes = List.copyOf(cwes);
        cvssVectors = List.copyOf(cvssVectors);
        attributes = Map.copyOf(attributes);
        deployment = deployment == null || deployment.isBlank() ? null : deployment.trim();
    }

    /** An observation of an asset that is not deployed in several places (every format but Kubernetes reports). */
    public Observation(SourceKind sourceKind, String tool, String toolVersion, String ruleId, String fingerprint,
                       String title, String reportedSeverity, ObservedSeverity severity, List<String> cves,
                       List<String> cwes, List<String> cvssVectors, AssetRef asset, String location,
                       String evidence, Map<String, String> attributes, VexAnalysis vex) {
        this(sourceKind, tool, toolVersion, ruleId, fingerprint, title, reportedSeverity, severity, cves, cwes,
                cvssVectors, asset, location, evidence, attributes, vex, null);
    }
}
