/**
 * ProjectDiscovery Nuclei results: JSON lines ({@code -jsonl}, one result per line) and the JSON array export
 * ({@code -json-export}). Format name {@code nuclei}. Keys of older releases ({@code templateID},
 * {@code matched}, {@code matcher_name}) are read too.
 *
 * <h2>Mapping</h2>
 * <table>
 * <caption>Nuclei to observation</caption>
 * <tr><th>observation</th><th>from</th></tr>
 * <tr><td>sourceKind</td><td>EXTERNAL_SCAN</td></tr>
 * <tr><td>tool</td><td>"Nuclei" (results do not state the version)</td></tr>
 * <tr><td>ruleId</td><td>{@code template-id}, plus ":" + {@code matcher-name} when a matcher is named (one template,
 * several checks, e.g. {@code tech-detect:nginx})</td></tr>
 * <tr><td>severity</td><td>{@code info.severity}: info, low, medium, high, critical (unknown or absent:
 * UNKNOWN)</td></tr>
 * <tr><td>title</td><td>{@code info.name}</td></tr>
 * <tr><td>cves, cwes</td><td>{@code info.classification.cve-id} and {@code cwe-id} (lower case in the templates;
 * upper-cased)</td></tr>
 * <tr><td>cvssVectors</td><td>{@code info.classification.cvss-metrics}</td></tr>
 * <tr><td>asset</td><td>{@code host} as Nuclei was given it: URL (its origin) when it has a scheme, else the host or
 * address without its port (HOST or IP_ADDRESS)</td></tr>
 * <tr><td>location</td><td>{@code matched-at}; a URL without its query values (payloads)</td></tr>
 * <tr><td>evidence</td><td>{@code extracted-results} joined by "; "</td></tr>
 * <tr><td>attributes</td><td>type, ip, port, matched-at, extractor-name, template-url, timestamp, tags,
 * description, remediation, reference, cvss-score, epss-score, epss-percentile, cpe</td></tr>
 * </table>
 * Blank lines are skipped; a malformed line (not JSON, truncated, no template id, a field over maxFieldLength,
 * longer than max(4 x maxFieldLength, 1 MiB)) is skipped, named by its line (the first 100 one by one and the rest
 * in one count), and makes the report partial: the run is recorded but covers and verifies nothing. A file of which
 * no line is a Nuclei result is not Nuclei output and is rejected. Results with {@code matcher-status: false}
 * matched nothing (counted warning). {@code request}, {@code response}, {@code curl-command} and
 * {@code interaction} are skipped unread. An empty file, read as {@code --format nuclei}, is a run that found
 * nothing. The array export is one JSON document, so a malformed entry rejects the file.
 */
package org.ctemcycles.ingest.nuclei;
