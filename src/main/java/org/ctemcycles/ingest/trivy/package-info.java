/**
 * Trivy JSON reports ({@code trivy ... --format json}): schema version 2, the bare array of results written before
 * Trivy 0.20, and the Kubernetes report ({@code ClusterName}, {@code Resources[].Results}). Format name
 * {@code trivy}.
 *
 * <h2>Mapping</h2>
 * One observation per {@code Results[].Vulnerabilities[]}, per failed {@code Misconfigurations[]} entry and per
 * {@code Secrets[]} entry. Misconfiguration checks with status PASS or EXCEPTION and {@code Licenses[]} are not
 * exposures (counted warnings).
 * <table>
 * <caption>Trivy to observation</caption>
 * <tr><th>observation</th><th>vulnerability</th><th>misconfiguration</th><th>secret</th></tr>
 * <tr><td>sourceKind</td><td>CODE_SCAN</td><td>CONFIGURATION_REVIEW</td><td>CODE_SCAN</td></tr>
 * <tr><td>ruleId</td><td>VulnerabilityID (CVE, GHSA, ...)</td><td>AVDID (stable across Trivy versions), else
 * ID</td><td>RuleID</td></tr>
 * <tr><td>severity</td><td colspan="3">Severity: UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL (kept as reported)</td></tr>
 * <tr><td>title</td><td>Title, else "id in package"</td><td>Title</td><td>Title</td></tr>
 * <tr><td>location</td><td>Target + package name (+ " (PkgPath)"); the installed version is an attribute, so an
 * upgrade that is still vulnerable stays the same location</td><td>Target + "#" + CauseMetadata.Resource, else
 * Target + ":" + StartLine, else Target</td><td>Target + ":" + StartLine</td></tr>
 * <tr><td>evidence</td><td>"pkg version installed; fixed in version" (or "no fixed version")</td><td>Message</td>
 * <td>Match (Trivy masks the secret)</td></tr>
 * <tr><td>cves, cwes</td><td>the id and VendorIDs that are CVE ids; CweIDs</td><td>none</td><td>none</td></tr>
 * <tr><td>cvssVectors</td><td>per source in {@code CVSS}: the SeveritySource's first, then nvd, then the rest by
 * name; V40Vector, V3Vector, V2Vector each; also kept per source as attributes {@code cvss.<source>.v4|v3|v2} and
 * {@code cvss.<source>.v3Score}</td><td>none</td><td>none</td></tr>
 * <tr><td>vex</td><td>Status {@code not_affected} becomes VEX state not_affected</td><td></td><td></td></tr>
 * </table>
 * Asset: the artifact ({@code ArtifactName}) by {@code ArtifactType}: container_image CONTAINER_IMAGE, filesystem
 * and repository REPOSITORY, vm HOST, aws_account CLOUD_ACCOUNT, others OTHER; in the bare-array format the
 * result's Target (OTHER); in the Kubernetes report OTHER "cluster/namespace/kind/name". Attributes: target, class,
 * type; pkgName, pkgPath, pkgId, purl, installedVersion, fixedVersion, status, severitySource, primaryUrl,
 * publishedDate, lastModifiedDate, layer, dataSource, description; for misconfigurations checkId, avdId, namespace,
 * resolution, provider, service, startLine, endLine; for secrets category, startLine, endLine, layer. The Trivy
 * version comes from the report's {@code Trivy.Version} when present.
 */
package org.ctemcycles.ingest.trivy;
