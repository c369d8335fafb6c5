/**
 * A documented generic CSV ({@code csv}), which also accepts DefectDojo's "Generic Findings Import" columns.
 * RFC 4180: a header row, comma-separated (a semicolon or tab header is recognised too), fields optionally quoted
 * with doubled quotes inside, line breaks allowed inside quotes, UTF-8 (a byte order mark is allowed). Column names
 * are matched ignoring case, spaces, hyphens and underscores ({@code " Url"}, {@code CweId} and {@code cwe_ids} all
 * work). The header needs a severity column and a title or rule_id column.
 *
 * <p>Stray quotes, which spreadsheet tools write and open although RFC 4180 allows a quote only around a whole field,
 * are read leniently and keep the field's text: a quote inside an unquoted field is text ({@code a,b"c,d} gives
 * {@code b"c}); a quoted word followed by more text is the field as written ({@code "Admin" panel}); a quote that
 * opens a field and is closed only on a later line, by a quote followed by text, was a stray one: the field ends at
 * its own line's next delimiter, and the rows after it are read as rows. A quote still open at the end of the file
 * rejects the report (a truncated report ends like that). {@code CsvTokenizer} documents the rules; KEV's CSV is
 * read with its strict dialect, which refuses stray quotes.
 *
 * <h2>Columns</h2>
 * <table>
 * <caption>CSV columns to observation</caption>
 * <tr><th>observation</th><th>column (aliases)</th></tr>
 * <tr><td>tool, toolVersion</td><td>source_tool (tool, scanner), default "csv"; tool_version</td></tr>
 * <tr><td>sourceKind</td><td>source_kind: a SourceKind name or label ("MANUAL_TEST", "manual test",
 * "External scan"); default THIRD_PARTY</td></tr>
 * <tr><td>ruleId</td><td>rule_id (vuln_id_from_tool, plugin_id, check_id, template_id); else the first CVE; else
 * the first CWE. A row with none of them is skipped (counted; the report is partial): a title is free text and
 * cannot be an identity.</td></tr>
 * <tr><td>fingerprint</td><td>fingerprint (unique_id_from_tool, source_finding_id)</td></tr>
 * <tr><td>title</td><td>title (name)</td></tr>
 * <tr><td>severity</td><td>severity (risk): info, low, medium, high, critical, or a 0-10 score banded as CVSS</td></tr>
 * <tr><td>cves, cwes</td><td>cve_ids (cve, vulnerability_ids), cwe_ids (cwe, CweId); several separated by ";", ",",
 * "|" or spaces</td></tr>
 * <tr><td>cvssVectors</td><td>cvss_vector (CVSSV3, cvss), cvss_v4 (CVSSV4), cvss_v2</td></tr>
 * <tr><td>asset</td><td>asset with asset_type (an AssetKind name: host, ip_address, url, repository,
 * container_image, package, cloud_account, other; inferred when absent); else host (hostname, ip); else url (Url,
 * endpoint: its origin); else image; else repository; else purl; else component_name@component_version; else
 * OTHER ""</td></tr>
 * <tr><td>location</td><td>location; else port/protocol, the url without query values, file_path:line and the
 * component, joined by spaces</td></tr>
 * <tr><td>evidence</td><td>evidence (proof, output)</td></tr>
 * <tr><td>attributes</td><td>description, solution (mitigation, remediation), impact, references, verified,
 * falsepositive, duplicate, date, epssscore, epsspercentile, cvssv3score, cvssv4score, knownexploited,
 * ransomwareused, fixavailable, fixversion, kevdate, status, componentversion, url, filepath, line, port,
 * protocol</td></tr>
 * </table>
 * Rows marked {@code IsMitigated=TRUE} or {@code Active=FALSE} (DefectDojo) are not present exposures and are
 * skipped (counted warning). A row with more fields than the header is read by the header's columns: extra empty
 * fields are a counted warning, extra text makes the report partial (the row's columns cannot be trusted). An
 * unclosed quote, an overlong field, a row of more than maxRecordValues fields or more than 8 fields' worth of text
 * rejects the file naming the line.
 */
package org.ctemcycles.ingest.csv;
