/**
 * Discovery importers: each supported scanner format is read, streaming, into normalised
 * {@link org.ctemcycles.core.finding.Observation}s. One package per format; this package holds the SPI
 * ({@link org.ctemcycles.ingest.Importer}, {@link org.ctemcycles.ingest.ObservationSink}), the limits
 * ({@link org.ctemcycles.ingest.ImportLimits}) and the registry with format detection
 * ({@link org.ctemcycles.ingest.Importers}), and {@link org.ctemcycles.ingest.ReportReader}, the one reader of
 * reports.
 *
 * <h2>Reading a report</h2>
 * {@code new ReportReader(Importers.standard(), limits).read(stream, null, sink)} recognises gzip by its magic bytes
 * (1f 8b) and decompresses it, counts the bytes after decompression against {@code maxBytes}, hashes them (SHA-256),
 * refuses binary content and ZIP archives at the offset where they show, passes over a byte order mark and any
 * amount of leading whitespace, and asks each importer in turn whether the first 8 KiB after them are its format
 * (the most specific markers first: CycloneDX, SARIF, Trivy, ZAP, Nessus, Nuclei, then CSV). An empty or blank file
 * names no format: the caller must (an empty Nuclei file is then a run that found nothing). A format the caller
 * names is refused when the content says it is another one. The outcome tells whether the report was read whole:
 * anything the importer skipped as unreadable ({@link org.ctemcycles.ingest.ObservationSink#skipped}) makes it
 * partial.
 *
 * <h2>Rules every importer keeps</h2>
 * <ul>
 *   <li>Streaming: JSON through Gson's {@code JsonReader}, XML through the JDK's StAX parser, CSV and JSON lines
 *   through a reader; one record (a result, a ReportItem, an alert, a vulnerability, a line, a row) is held at a
 *   time. A producer that writes its records before the metadata they need (SARIF results before the tool, Trivy
 *   results before the artifact, ZAP alerts before the site name) has those records held until the metadata
 *   arrives, within the observation limit.</li>
 *   <li>Safety: XML with DTDs and external entities off, and a DOCTYPE refused outright; string, name and attribute
 *   length and nesting depth checked while reading, before the parser holds a long value; one record's values and
 *   text within a budget; trees walked with a stack, never by recursion, so any accepted depth is read; every
 *   rejection names the line and column (or the byte offset, or the CSV line), what is wrong, and for a limit the
 *   option that raises it.</li>
 *   <li>Identity material is never free text: {@code ruleId} is the tool's rule, plugin, template or check id (or a
 *   CVE or CWE id), {@code fingerprint} only what the tool gives as one, {@code location} a port/protocol, a path
 *   and line, a URL without query values, or a package. Titles, descriptions, messages, plugin output and
 *   timestamps go to {@code title}, {@code evidence} and {@code attributes} only.</li>
 *   <li>Severity: the tool's own word or number is kept in {@code reportedSeverity}; {@code severity} puts it on one
 *   scale (INFO, LOW, MEDIUM, HIGH, CRITICAL, UNKNOWN). Numeric 0-10 scores are banded as CVSS v3 does.</li>
 *   <li>CVEs are upper case ({@code CVE-2021-44228}); CWEs are {@code CWE-n} without leading zeros; CVSS vectors
 *   are ones {@code core/scoring/cvss} parses (a v3/v4 vector written without its prefix gets the one its format
 *   states; Nessus's {@code CVSS2#} is removed); an invalid vector is left out with a warning naming where.</li>
 *   <li>Input not turned into observations is reported, named by its place: as a warning when it was read whole and
 *   is no exposure by design (a passed check, a fixed result) or a value was left out (an invalid CVSS vector); as
 *   skipped when a record could not be read or not whole (a malformed or truncated Nuclei line, a line over a limit,
 *   a result without the id its identity needs, a CSV row with text beyond its header), which makes the report
 *   partial. Messages that would repeat per record are counted once, with the first place they occurred.</li>
 * </ul>
 */
package org.ctemcycles.ingest;
