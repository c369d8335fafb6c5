/**
 * Discovery importers: each supported scanner format is read, streaming, into normalised
 * {@link org.ctemcycles.core.finding.Observation}s. One package per format; this package holds the SPI
 * ({@link org.ctemcycles.ingest.Importer}, {@link org.ctemcycles.ingest.ObservationSink}), the limits
 * ({@link org.ctemcycles.ingest.ImportLimits}) and the registry with format detection
 * ({@link org.ctemcycles.ingest.Importers}).
 *
 * <h2>Reading a report</h2>
 * {@code Importers.standard().open(stream, limits, null)} recognises gzip by its magic bytes (1f 8b) and
 * decompresses it, counts the bytes after decompression against {@code maxBytes}, refuses binary content and ZIP
 * archives at the offset where they show, and asks each importer in turn whether the first 8 KiB are its format
 * (the most specific markers first: CycloneDX, SARIF, Trivy, ZAP, Nessus, Nuclei, then CSV). An empty file is a
 * Nuclei run that found nothing, the only format whose empty output is valid.
 *
 * <h2>Rules every importer keeps</h2>
 * <ul>
 *   <li>Streaming: JSON through Gson's {@code JsonReader}, XML through the JDK's StAX parser, CSV and JSON lines
 *   through a reader; one record (a result, a ReportItem, an alert, a vulnerability, a line, a row) is held at a
 *   time. A producer that writes its records before the metadata they need (SARIF results before the tool, Trivy
 *   results before the artifact, ZAP alerts before the site name) has those records held until the metadata
 *   arrives, within the observation limit.</li>
 *   <li>Safety: XML with DTDs and external entities off, and a DOCTYPE refused outright; string length and nesting
 *   depth checked while reading, before the parser holds a long value; every rejection names the line and column
 *   (or the byte offset, or the CSV line) and what is wrong.</li>
 *   <li>Identity material is never free text: {@code ruleId} is the tool's rule, plugin, template or check id (or a
 *   CVE or CWE id), {@code fingerprint} only what the tool gives as one, {@code location} a port/protocol, a path
 *   and line, a URL without query values, or a package. Titles, descriptions, messages, plugin output and
 *   timestamps go to {@code title}, {@code evidence} and {@code attributes} only.</li>
 *   <li>Severity: the tool's own word or number is kept in {@code reportedSeverity}; {@code severity} puts it on one
 *   scale (INFO, LOW, MEDIUM, HIGH, CRITICAL, UNKNOWN). Numeric 0-10 scores are banded as CVSS v3 does.</li>
 *   <li>CVEs are upper case ({@code CVE-2021-44228}); CWEs are {@code CWE-n} without leading zeros; CVSS vectors
 *   are ones {@code core/scoring/cvss} parses (a v3/v4 vector written without its prefix gets the one its format
 *   states; Nessus's {@code CVSS2#} is removed); an invalid vector is left out with a warning naming where.</li>
 *   <li>Skipped input (a malformed Nuclei line, a passed check, a fixed result) is reported as a warning; warnings
 *   that would repeat per record are counted once, with the first place they occurred.</li>
 * </ul>
 */
package org.ctemcycles.ingest;
