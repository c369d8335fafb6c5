/**
 * Trivy JSON reports ({@code trivy ... --format json}): schema version 2, the report written before Trivy 0.20 (a
 * bare array of results, or {@code null} when nothing was found), and the Kubernetes report of {@code trivy k8s}.
 * Format name {@code trivy}.
 *
 * <h2>Mapping</h2>
 * One observation per {@code Results[].Vulnerabilities[]}, per failed {@code Misconfigurations[]} entry and per
 * {@code Secrets[]} entry. Misconfiguration checks with status PASS or EXCEPTION and {@code Licenses[]} are not
 * exposures (counted warnings).
 * <table>
 * <caption>Trivy to observation</caption>
 * <tr><th>observation</th><th>vulnerability</th><th>misconfiguration</th><th>secret</th></tr>
 * <tr><td>sourceKind</td><td>CODE_SCAN</td><td>CONFIGURATION_REVIEW</td><td>CODE_SCAN</td></tr>
 * <tr><td>tool</td><td colspan="3">"Trivy"; "Trivy k8s" for the Kubernetes report, a source of its own, so that an
 * image scan never retires what a cluster scan found running, nor the other way round</td></tr>
 * <tr><td>ruleId</td><td>VulnerabilityID (CVE, GHSA, ...)</td><td>AVDID (stable across Trivy versions), else
 * ID</td><td>RuleID</td></tr>
 * <tr><td>severity</td><td colspan="3">Severity: UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL (kept as reported)</td></tr>
 * <tr><td>title</td><td>Title, else "id in package"</td><td>Title</td><td>Title</td></tr>
 * <tr><td>location</td><td>the package name (+ " (PkgPath)"), after the Target for language packages
 * ({@code app/package-lock.json path-to-regexp}); an OS result's Target is the artifact with its tag and OS version
 * ({@code shop:1.4 (alpine 3.19.1)}), which change with every rebuild, so it is left out; the installed version is
 * an attribute, so an upgrade that is still vulnerable stays the same location</td><td>Target + "#" +
 * CauseMetadata.Resource, else Target + ":" + StartLine, else Target; a Kubernetes manifest's check (Type
 * {@code kubernetes}) is the Target alone ({@code Deployment/app}): Trivy writes the manifest from the live object,
 * so its lines move between scans</td><td>Target + ":" + StartLine</td></tr>
 * <tr><td></td><td colspan="3">in a Kubernetes workload's image, preceded by the workload and ": "
 * ({@code minikube/default/Deployment/app: libssl3}), so that findings of one image in two workloads read
 * apart</td></tr>
 * <tr><td>evidence</td><td>"pkg version installed; fixed in version" (or "no fixed version")</td><td>Message</td>
 * <td>Match (Trivy masks the secret)</td></tr>
 * <tr><td>cves, cwes</td><td>the id and VendorIDs that are CVE ids; CweIDs</td><td>none</td><td>none</td></tr>
 * <tr><td>cvssVectors</td><td>per source in {@code CVSS}: the SeveritySource's first, then nvd, then the rest by
 * name; V40Vector, V3Vector, V2Vector each; also kept per source as attributes {@code cvss.<source>.v4|v3|v2} and
 * {@code cvss.<source>.v3Score}</td><td>none</td><td>none</td></tr>
 * <tr><td>vex</td><td>Status {@code not_affected} becomes VEX state not_affected</td><td></td><td></td></tr>
 * </table>
 * Asset, schema version 2: the artifact ({@code ArtifactName}) by {@code ArtifactType}: container_image
 * CONTAINER_IMAGE, filesystem and repository REPOSITORY, vm HOST, aws_account CLOUD_ACCOUNT, others OTHER.
 *
 * <p>Asset, before Trivy 0.20: the report does not name its artifact, but its OS result's Target does
 * ({@code localhost:5000/alpine:3.10 (alpine 3.10.2)}, recognised by Class {@code os-pkgs} or, in reports without
 * Class, by that form): every result of the report is then CONTAINER_IMAGE of that name, so a scan in the old
 * schema and one in version 2 of the same image give the same identities. A report without an OS result (language
 * files only) maps each result to OTHER of its Target. Results read before the OS result wait for it, within the
 * observation limit.
 *
 * <p>Kubernetes ({@code ClusterName}, then an array of workloads, each {@code Namespace}, {@code Kind},
 * {@code Name}, {@code Metadata}, {@code Results}, {@code Error}): before Trivy 0.42 the arrays
 * {@code Vulnerabilities} and {@code Misconfigurations}, since then {@code Resources} ({@code --report all}) or
 * {@code Findings} ({@code --report summary}); {@code Metadata} is one object (0.45 to 0.56) or an array, one per
 * image (0.57 on). A workload is known as "cluster/namespace/kind/name" ({@code minikube/default/Deployment/app}).
 * <ul>
 *   <li>What is inside an image (OS and language packages, secrets, the image's own Dockerfile checks): the asset is
 *   CONTAINER_IMAGE of the workload's image (its one Metadata entry's first RepoTags, else RepoDigests; else the OS
 *   result's Target), and the observation's deployment is the workload. The identity is the vulnerability (its CVEs,
 *   else the id with the package as location), the image and the workload: the same image in two workloads is two
 *   exposures on one asset, each fixed and verified on its own, and both fall under the image's scope rule. As with
 *   image scans, one CVE in two packages of one image in one workload is one exposure.</li>
 *   <li>The checks of a workload's manifest (Type {@code kubernetes}), and anything in a workload whose image is not
 *   named (a summary report without Metadata, or several images and a result that does not say which): the asset
 *   is OTHER, the workload itself; no scope rule matches such an asset, so these findings are kept out of
 *   scope.</li>
 *   <li>A workload Trivy could not scan ({@code Error}) is a warning naming it.</li>
 * </ul>
 * A run covers an image in the workloads it reported it in ({@code ObservedFinding.coverageKey}), so a scan of one
 * namespace retires nothing in another. Records of a workload read before its image is known wait for the end of
 * the workload.
 *
 * <p>Attributes: target, class, type, workload; pkgName, pkgPath, pkgId, purl, installedVersion, fixedVersion,
 * status, severitySource, primaryUrl, publishedDate, lastModifiedDate, layer, dataSource, description; for
 * misconfigurations checkId, avdId, namespace, resolution, provider, service, startLine, endLine
 * ({@code CauseMetadata}, before Trivy 0.30 {@code IacMetadata}); for secrets category, startLine, endLine, layer. The
 * Trivy version comes from the report's {@code Trivy.Version} when present.
 */
package org.ctemcycles.ingest.trivy;
