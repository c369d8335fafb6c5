package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.SourceKind;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the caller knows about a run before it is recorded: the report's format, file and content hash, who imports
 * it, and what the user declared on top of the report (source kind, tool, scan time, covered surfaces).
 *
 * @param sourceKind    the run's source kind, or null to take the one most of its observations have
 * @param tool          the tool's name, or null/blank to take the one that produced most observations (then the format)
 * @param toolVersion   the tool's version, or null/blank for the main tool's
 * @param contentSha256 SHA-256 (hex) of the report content; null for manual entries
 * @param scannedAt     when the scan ran, or null for now
 * @param complete      whether the run reports everything its source found on what it covered: an imported report
 *                      read whole; false for a manual entry, and for a report that was read only in part (it has a
 *                      content hash: a partial run, see {@link DiscoveryRun#partial()})
 * @param warnings      what the importer skipped, each naming its line or offset
 */
public record RunRequest(String format, String fileName, String contentSha256, SourceKind sourceKind, String tool,
                         String toolVersion, Instant scannedAt, String actor, boolean complete,
                         List<String> warnings) {

    public RunRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(actor, "actor");
        fileName = fileName == null ? "" : fileName;
        warnings = List.copyOf(warnings);
    }
}
