package org.ctemcycles.app;

import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The one way a scanner report enters a cycle, for the command line and the REST upload alike: the report is read
 * as a stream through the importer its content names (within the limits), deduplicated into the cycle's findings as
 * one discovery run, and the run is taken into the register, all in one transaction: an import interrupted at any
 * point (the process killed, the disk full) leaves none of it, and the same report can simply be imported again.
 * A report the importer rejects stores nothing; a report the cycle already imported completely changes nothing. A
 * report read only in part (a record skipped, truncated, malformed or over a limit) is a partial run: its
 * observations and warnings are recorded, but it counts as no coverage, retires no signal, verifies nothing, and the
 * same report can be imported again.
 * A report file is read and parsed on a thread of its own while its observations are deduplicated on the caller's,
 * in report order ({@link ReportReadAhead}, ADR 037); a stream (the REST upload) is read on the caller's thread.
 * Each import is logged (who, cycle, file name, size, outcome, duration), never with anything the report contains.
 */
public final class ReportImport {

    private static final Logger LOG = LoggerFactory.getLogger(ReportImport.class);

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

        /**
         * The options as the command line and the REST API take them, as text: {@code covers} surface keys (each
         * value may list several, separated by commas), {@code sourceKind} in any case with hyphens or underscores,
         * {@code scannedAt} an ISO date (midnight UTC) or instant; blank means not given.
         *
         * @throws InvalidInputException naming {@code sourceKind} or {@code scannedAt}
         */
        public static Options parse(String cycleKey, String sourceKind, String tool, List<String> covers,
                                    String scannedAt, String format, String actor) {
            List<Problem> problems = new ArrayList<>();
            SourceKind kind = null;
            if (sourceKind != null && !sourceKind.isBlank()) {
                kind = Choices.parse("sourceKind", sourceKind, SourceKind.class, false, new ArrayList<>());
                if (kind == null) {
                    problems.add(new Problem("sourceKind", "'" + sourceKind + "' is not a source kind: use one of "
                            + Choices.list(SourceKind.class)));
                }
            }
            Instant scanned = null;
            if (scannedAt != null && !scannedAt.isBlank()) {
                String text = scannedAt.trim();
                try {
                    scanned = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : Instant.parse(text);
                    if (scanned.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
                        problems.add(new Problem("scannedAt", "'" + text + "' is out of range: a scan time lies"
                                + " after 0001-01-01"));
                        scanned = null;
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new Problem("scannedAt", "'" + text + "' is not a date (2026-11-02) or an instant"
                            + " (2026-11-02T08:00:00Z)"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            List<String> surfaces = covers == null ? List.of() : covers.stream().filter(Objects::nonNull)
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            return new Options(cycleKey, kind, blankToNull(tool), surfaces, scanned, blankToNull(format), actor);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
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
        CountingInputStream counted = new CountingInputStream(content);
        return logged(fileName, counted::count, options,
                sink -> new ReportReader(importers, limits).read(counted, options.format(), sink));
    }

    /**
     * Imports one report file, read on a thread of its own while its observations are deduplicated (ADR 037); see
     * {@link #read(String, InputStream, Options)}.
     */
    public Result read(Path file, Options options) throws ImportException {
        check(options);
        return read(ReportReadAhead.start(file, options.format(), importers, limits), options);
    }

    /**
     * Imports the report a read-ahead reads (started with these options' format and this import's limits, before
     * the options could be checked), and closes it: whatever happens, its reader is stopped when this returns. See
     * {@link #read(String, InputStream, Options)}.
     *
     * @throws ImportException also when the file cannot be opened
     */
    public Result read(ReportReadAhead report, Options options) throws ImportException {
        try (report) {
            if (!Objects.equals(report.format(), options.format()) || !report.limits().equals(limits)) {
                throw new IllegalArgumentException("the report was read ahead with other options than its import's");
            }
            check(options);
            report.awaitOpen();
            return logged(report.name(), report::bytesRead, options, report::readInto);
        }
    }

    /** Imports a report, logging the outcome with the bytes read of it by then. */
    private Result logged(String fileName, LongSupplier bytes, Options options, Report report)
            throws ImportException {
        long started = System.nanoTime();
        String name = printable(fileName);
        try {
            Result result = readCounted(fileName, report, options);
            ImportSummary summary = result.summary();
            if (summary.alreadyImported()) {
                LOG.info("CTEM import: user {} sent '{}' ({} bytes) to cycle {} again; run {} already holds it, "
                                + "nothing changed ({} ms)", options.actor(), name, bytes.getAsLong(),
                        options.cycleKey(), summary.runId(), millisSince(started));
            } else {
                LOG.info("CTEM import: user {} imported '{}' ({} bytes, {}) into cycle {} as run {}: {} observations, "
                                + "{} new findings, {} seen again, {} warnings ({} ms)", options.actor(), name,
                        bytes.getAsLong(), result.format(), options.cycleKey(), summary.runId(),
                        summary.counts().observations(), summary.counts().newFindings(), summary.counts().merged(),
                        result.warnings().size(), millisSince(started));
            }
            return result;
        } catch (ImportException e) {
            // never the reason: it may quote the report, whose contents stay out of logs
            LOG.info("CTEM import: user {} sent '{}' ({} bytes read) to cycle {}: rejected, nothing stored ({} ms)",
                    options.actor(), name, bytes.getAsLong(), options.cycleKey(), millisSince(started));
            throw e;
        } catch (RuntimeException e) {
            LOG.info("CTEM import: user {} sent '{}' ({} bytes read) to cycle {}: not imported, {} ({} ms)",
                    options.actor(), name, bytes.getAsLong(), options.cycleKey(), e.getClass().getSimpleName(),
                    millisSince(started));
            throw e;
        }
    }

    /** A report being read: streams its observations into a sink and says what was read. */
    private interface Report {
        ReportReader.Outcome readInto(ObservationSink sink) throws ImportException;
    }

    private Result readCounted(String fileName, Report report, Options options) throws ImportException {
        check(options);
        try (ImportPlan plan = discovery.plan(options.cycleKey(), options.sourceKind(), options.covers())) {
            ReportReader.Outcome outcome = report.readInto(new ObservationSink() {
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
            // a report not read whole is a partial run: its observations and warnings are kept, but it covers
            // nothing, verifies nothing and does not make its report "already imported"
            RunRequest request = new RunRequest(outcome.format(), fileName, outcome.sha256(), kind, options.tool(),
                    null, options.scannedAt(), options.actor(), outcome.complete(), outcome.warnings());
            // the run and its intake commit together; a retried transaction reads the plan's findings again
            return transactions.inTransaction(() -> {
                DiscoveryIntake.Session session = intake.start(options.cycleKey(), options.actor());
                ImportSummary summary = discovery.record(plan, request, session);
                return new Result(outcome.format(), summary, session.finish(summary), outcome.warnings());
            });
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A user's file name as one log line can hold it: no control characters (no forged lines), at most 200 chars. */
    static String printable(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "?");
        return name.length() <= 200 ? name : name.substring(0, 200) + "...";
    }

    /**
     * Counts the bytes an import reads, also of a report it rejects (the log names the size); the count may be read
     * from another thread than the reading one (a report read ahead).
     */
    static class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        /** Called before each read: a subclass may end the reading here. */
        void beforeRead() throws IOException {
        }

        @Override
        public int read() throws IOException {
            beforeRead();
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            beforeRead();
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            beforeRead();
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
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
