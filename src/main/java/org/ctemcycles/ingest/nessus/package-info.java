/**
 * Tenable Nessus {@code .nessus} v2 exports ({@code NessusClientData_v2}). Format name {@code nessus}. A v1 export
 * ({@code NessusClientData}) is rejected with a message that says so.
 *
 * <h2>Mapping</h2>
 * One observation per {@code Report/ReportHost/ReportItem}; the {@code Policy} is skipped.
 * <table>
 * <caption>Nessus to observation</caption>
 * <tr><th>observation</th><th>from</th></tr>
 * <tr><td>sourceKind</td><td>AUTHENTICATED_SCAN when the host's {@code Credentialed_Scan} property is true, else
 * EXTERNAL_SCAN</td></tr>
 * <tr><td>tool</td><td>"Nessus" (the file does not state the scanner's version)</td></tr>
 * <tr><td>ruleId</td><td>the {@code pluginID} attribute</td></tr>
 * <tr><td>severity</td><td>the {@code severity} attribute: 0 INFO, 1 LOW, 2 MEDIUM, 3 HIGH, 4 CRITICAL (the
 * {@code risk_factor} word when the attribute is missing); reportedSeverity is {@code risk_factor} (None, Low,
 * Medium, High, Critical)</td></tr>
 * <tr><td>title</td><td>{@code pluginName} attribute, else {@code plugin_name}</td></tr>
 * <tr><td>cves, cwes</td><td>every {@code cve} child; every {@code cwe} child as CWE-n</td></tr>
 * <tr><td>cvssVectors</td><td>{@code cvss4_vector}, {@code cvss3_vector} (a bare vector gets "CVSS:3.0/"),
 * {@code cvss_vector} with Nessus's {@code CVSS2#} prefix removed; temporal vectors stay in the attributes</td></tr>
 * <tr><td>asset</td><td>the {@code ReportHost} name as scanned: IP_ADDRESS when it is an address, else HOST;
 * host-ip, host-fqdn, netbios-name and operating-system are attributes</td></tr>
 * <tr><td>location</td><td>{@code port/protocol}, e.g. {@code 443/tcp}; {@code 0/tcp} for host-level
 * plugins</td></tr>
 * <tr><td>evidence</td><td>{@code plugin_output} (it changes between scans: never identity)</td></tr>
 * <tr><td>attributes</td><td>svc_name, pluginFamily, severity, report (name); VPR ({@code vpr_score},
 * {@code vpr_v2_score} and its drivers: threat_intensity_last_28, threat_recency, threat_sources_last_28,
 * exploit_code_maturity, product_coverage, age_of_vuln); exploitability (exploit_available, exploitability_ease,
 * exploited_by_malware, exploit_framework_metasploit / core / canvas / d2_elliot / exploithub, metasploit_name,
 * exploited_by_nessus, in_the_news, cisa-known-exploited); scores (cvss3_base_score, cvss3_temporal_score and
 * vector, cvss_base_score, cvss_temporal_score and vector, cvss4_base_score, cvss4_threat_vector, epss_score);
 * dates (plugin, patch, vulnerability publication and plugin modification); description, synopsis, solution,
 * see_also, plugin_type, fname, cpe, stig_severity; bid, xref, iava joined by commas; and the host properties
 * above with Credentialed_Scan and system-type</td></tr>
 * </table>
 */
package org.ctemcycles.ingest.nessus;
