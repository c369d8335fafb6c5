package org.ctemcycles.app;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Transactions;
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
 * one discovery run, and the run is taken into the register, all in one transaction: an import interrupted at any
 * point (the process killed, the disk full) leaves none of it, and the same report can simply be imported again.
 * A report the importer rejects stores nothing; a report the cycle already imported changes nothing.
 */
public final class ReportImport {

    private final DiscoveryService discovery;
    private final DiscoveryIntake intake;
    private final Transactions transactions;
    private final Importers importers;
    private final ImportLimits limits;

    public ReportImport(DiscoveryService discovery, DiscoveryIntake intake, Transactions transactions,
                        Importers importers, ImportLimits limits) {
        this.discovery = discovery;
        this.intake = intake;
        this.transactions = transactions;
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

    /** What one report did: its format, the run's summary, what entered the register, and the reader's warnings. */
    public record Result(String format, ImportSummary summary, DiscoveryIntake.Outcome intake, List<String> warnings) {
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
        try (ImportPlan plan = discovery.plan(options.cycleKey(), options.sourceKind(), options.covers())) {
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
            RunRequest request = new RunRequest(outcome.format(), fileName, outcome.sha256(), kind, options.tool(),
                    null, options.scannedAt(), options.actor(), true, outcome.warnings());
            // the run and its intake commit together; a retried transaction reads the plan's findings again
            return transactions.inTransaction(() -> {
                DiscoveryIntake.Session session = intake.start(options.cycleKey(), options.actor());
                ImportSummary summary = discovery.record(plan, request, session);
                return new Result(outcome.format(), summary, session.finish(summary), outcome.warnings());
            });
        }
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
