package org.ctemcycles.app;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportPlan;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.discovery.RunRequest;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.mobilisation.DiscoveryIntake;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Importers;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.ingest.ReportReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one way a scanner report enters a cycle, for the command line and the REST upload alike: the report is read
 * as a stream through the importer its content names (within the limits), deduplicated into the cycle's findings as
 * one discovery run in one transaction, and the run is taken into the register. A report the importer rejects stores
 * nothing; a report the cycle already imported completely changes nothing. A report read only in part (a record
 * skipped, truncated, malformed or over a limit) is a partial run: its observations and warnings are recorded, but it
 * counts as no coverage, retires no signal, verifies nothing, and the same report can be imported again.
 */
public final class ReportImport {

    private final DiscoveryService discovery;
    private final DiscoveryIntake intake;
    private final Importers importers;
    private final ImportLimits limits;

    public ReportImport(DiscoveryService discovery, DiscoveryIntake intake, Importers importers, ImportLimits limits) {
        this.discovery = discovery;
        this.intake = intake;
        this.importers = importers;
        this.limits = limits;
    }

    /**
     * What an import says about its report besides the content.
     *
     * @param sourceKind null to keep what the importer says (or what the format implies for an empty report)
     * @param tool       null to take the tool the report names
     * @param covers     surface keys the scan covered, possibly none
     * @param scannedAt  null for now
     * @param format     null to detect the format from the content
     */
    public record Options(String cycleKey, SourceKind sourceKind, String tool, List<String> covers,
                          Instant scannedAt, String format, String actor) {

        public Options {
            covers = covers == null ? List.of() : List.copyOf(covers);
        }
    }

    /**
     * What one report did: its format, the run's summary (with whether it is complete), what entered the register,
     * and the reader's warnings.
     */
    public record Result(String format, ImportSummary summary, DiscoveryIntake.Outcome intake, List<String> warnings) {

        /** Whether the report was read whole (or had been imported whole before). */
        public boolean complete() {
            return summary.complete();
        }
    }

    /**
     * Checks what can be checked before a report is read: the cycle is open, every covered surface is one of its
     * surfaces, and a forced format exists.
     *
     * @throws InvalidInputException naming the option that is wrong
     * @throws org.ctemcycles.core.common.NotFoundException when the cycle does not exist
     */
    public void check(Options options) {
        if (options.format() != null && importers.byFormat(options.format()).isEmpty()) {
            throw new InvalidInputException("format", "'" + options.format()
                    + "' is not a supported format: use one of " + String.join(", ", importers.formats()));
        }
        discovery.plan(options.cycleKey(), options.sourceKind(), options.covers());
    }

    /**
     * Imports one report from a stream (gzip or plain), which it reads to the end but does not close.
     *
     * @param fileName the report's name as the user gave it (kept with the run)
     * @throws ImportException when the report is malformed or over a limit: nothing of it is stored
     */
    public Result read(String fileName, InputStream content, Options options) throws ImportException {
        check(options);
        ImportPlan plan = discovery.plan(options.cycleKey(), options.sourceKind(), options.covers());
        ReportReader.Outcome outcome = new ReportReader(importers, limits).read(content, options.format(),
                new ObservationSink() {
                    @Override
                    public void observation(Observation observation) {
                        plan.add(observation);
                    }

                    @Override
                    public void warning(String message) {
                        // collected by the reader's outcome
                    }
                });
        SourceKind kind = options.sourceKind();
        if (kind == null && outcome.observations() == 0) {
            kind = defaultSourceKind(outcome.format());
        }
        // a report not read whole is a partial run: its observations and warnings are kept, but it covers nothing,
        // verifies nothing and does not make its report "already imported"
        ImportSummary summary = discovery.record(plan, new RunRequest(outcome.format(), fileName, outcome.sha256(),
                kind, options.tool(), null, options.scannedAt(), options.actor(), outcome.complete(),
                outcome.warnings()));
        DiscoveryIntake.Outcome entered = intake.take(options.cycleKey(), summary, options.actor());
        return new Result(outcome.format(), summary, entered, outcome.warnings());
    }

    /** Imports one report file; see {@link #read(String, InputStream, Options)}. */
    public Result read(Path file, Options options) throws ImportException {
        check(options);
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, options);
        } catch (NoSuchFileException e) {
            throw new ImportException("no such file");
        } catch (IOException e) {
            throw new ImportException("cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The source kind of an empty report, when its format says it: SARIF is a code scan, ZAP and Nuclei external
     * scans, Trivy a code (dependency) scan. Other formats (Nessus: authenticated or not; CycloneDX; CSV) cannot tell,
     * so their empty reports need a source kind from the user.
     */
    static SourceKind defaultSourceKind(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.startsWith("sarif") || f.startsWith("trivy")) {
            return SourceKind.CODE_SCAN;
        }
        if (f.startsWith("zap") || f.startsWith("nuclei")) {
            return SourceKind.EXTERNAL_SCAN;
        }
        return null;
    }
}
