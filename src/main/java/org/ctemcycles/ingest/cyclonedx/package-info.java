/**
 * CycloneDX 1.4 to 1.6 BOMs and VEX documents with {@code vulnerabilities}, in JSON ({@code cyclonedx-json},
 * {@code "bomFormat": "CycloneDX"}) and XML ({@code cyclonedx-xml}, root {@code bom} in namespace
 * {@code http://cyclonedx.org/schema/bom/1.x}); and, in XML, BOMs of any version (1.0 to 1.3 above all) that carry
 * vulnerabilities in the vulnerability extension {@code http://cyclonedx.org/schema/ext/vulnerability/1.0} inside
 * their components, as Grype (before 0.56), KICS and Sonatype's tools write them. Other spec versions are read with a
 * warning (a BOM before 1.4 is warned about only when it does not declare the extension: it then holds no
 * vulnerabilities; one that declares it and carries none is a clean scan).
 *
 * <h2>Mapping</h2>
 * One observation per vulnerability and affected component ({@code affects[].ref}); a vulnerability that lists none
 * gives one. A vulnerability of the extension ({@code <v:vulnerabilities><v:vulnerability ref="...">} in a
 * {@code <component>}, nested components too) affects the component it is written in: its {@code ref} is kept as an
 * attribute but not followed (Grype fills it with a random uuid that names nothing).
 * <table>
 * <caption>CycloneDX to observation</caption>
 * <tr><th>observation</th><th>from</th></tr>
 * <tr><td>sourceKind</td><td>CODE_SCAN (software composition analysis)</td></tr>
 * <tr><td>tool, toolVersion</td><td>the first of {@code metadata.tools} (1.4: {@code tools[]}; 1.5+:
 * {@code tools.components[]} or {@code tools.services[]}); "CycloneDX" when none</td></tr>
 * <tr><td>ruleId</td><td>the vulnerability {@code id} (CVE, GHSA, OSV, ...)</td></tr>
 * <tr><td>severity</td><td>the rating preferred by method: CVSSv4, CVSSv31, CVSSv3, CVSSv2, OWASP, SSVC, other; its
 * {@code severity} (critical, high, medium, low, info, none: INFO, unknown), else its {@code score} banded as CVSS
 * (the extension: {@code score/base}); no usable rating: UNKNOWN. Grype's extension ratings give its own severity
 * without a method and the CVSS scores without a severity, so the CVSS score decides</td></tr>
 * <tr><td>title</td><td>id + ": " + first line of {@code description}, or the id</td></tr>
 * <tr><td>cves</td><td>the id and {@code references[].id} that are CVE ids</td></tr>
 * <tr><td>cwes</td><td>{@code cwes[]} (integers) as CWE-n; the extension's {@code cwes/cwe}, and KICS'
 * {@code cwe} directly in the vulnerability</td></tr>
 * <tr><td>cvssVectors</td><td>each CVSS rating's {@code vector}; one written without its prefix gets the one its
 * method names (CVSSv31 "CVSS:3.1/", CVSSv3 "CVSS:3.0/", CVSSv4 "CVSS:4.0/"); also {@code cvss.<source>}
 * attributes</td></tr>
 * <tr><td>asset</td><td>the BOM's subject, {@code metadata.component}: type container CONTAINER_IMAGE (name, with
 * ":" + version when the name has no tag, "@" + version when the version is a digest, as Grype gives it), device
 * HOST, anything else PACKAGE (purl, else name@version); without a subject, PACKAGE of the affected component</td></tr>
 * <tr><td>location</td><td>the affected component without its version: its purl without version, qualifiers and
 * subpath, else its name, looked up by bom-ref among the components (nested ones too); an unknown ref stays as
 * written. An upgrade that is still affected, or an edit to a file KICS versions by its content hash, stays the same
 * place (and, for an id that is not a CVE, the same finding); the versioned component is the attribute
 * {@code component}</td></tr>
 * <tr><td>vex</td><td>{@code analysis}: state, justification, responses joined by ",", detail, verbatim</td></tr>
 * <tr><td>attributes</td><td>source (the extension's {@code source@name}, or KICS' {@code source/name}), bom-ref,
 * description, detail, recommendation (the extension's recommendations, one a line), published, updated,
 * affects.ref, affects.status ("version:status,..."), component, advisories (the extension's, space-separated),
 * specVersion</td></tr>
 * </table>
 */
package org.ctemcycles.ingest.cyclonedx;
