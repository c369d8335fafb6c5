/**
 * OWASP ZAP reports: "traditional JSON" ({@code zap-json}; also the older core JSON report without
 * {@code @programName}) and "traditional XML" ({@code zap-xml}, root {@code OWASPZAPReport}; also the old layout
 * with one instance's fields on the alert itself).
 *
 * <h2>Mapping</h2>
 * One observation per {@code site[].alerts[].instances[]} entry; an alert without instances gives one observation.
 * <table>
 * <caption>ZAP to observation</caption>
 * <tr><th>observation</th><th>from</th></tr>
 * <tr><td>sourceKind</td><td>EXTERNAL_SCAN (dynamic testing from outside)</td></tr>
 * <tr><td>tool, toolVersion</td><td>{@code @programName} (default "ZAP"), {@code @version}</td></tr>
 * <tr><td>ruleId</td><td>{@code alertRef} (it refines the plugin id for scan rules that raise several alerts, e.g.
 * {@code 10020-1}), else {@code pluginid}</td></tr>
 * <tr><td>severity</td><td>{@code riskcode}: 0 INFO, 1 LOW, 2 MEDIUM, 3 HIGH; reportedSeverity is {@code riskdesc}
 * (risk and confidence, "High (Medium)")</td></tr>
 * <tr><td>title</td><td>{@code name}, else {@code alert}</td></tr>
 * <tr><td>cwes</td><td>{@code cweid} (0 and -1 mean none)</td></tr>
 * <tr><td>asset</td><td>URL: the site's origin ({@code @name}, scheme and host lower-cased)</td></tr>
 * <tr><td>location</td><td>instance method + URL without query values, parameter names sorted (as ZAP names a
 * node: session tokens and cache-busters change between scans) + " [param]", e.g.
 * {@code GET https://shop.example.com/item?id&session [id]}</td></tr>
 * <tr><td>evidence</td><td>the instance's {@code evidence}</td></tr>
 * <tr><td>attributes</td><td>pluginid, confidence (False Positive, Low, Medium, High, Confirmed), riskcode, wascid,
 * sourceid, systemic, description ({@code desc}), solution, reference, otherinfo, and the instance's uri, method,
 * param and attack</td></tr>
 * </table>
 * All values in the JSON report are strings; the XML report's HTML arrives escaped or as CDATA and is kept as
 * text.
 */
package org.ctemcycles.ingest.zap;
