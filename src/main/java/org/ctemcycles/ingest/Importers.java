package org.ctemcycles.ingest;

import org.ctemcycles.ingest.csv.CsvImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxJsonImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxXmlImporter;
import org.ctemcycles.ingest.jsonl.ObservationLinesImporter;
import org.ctemcycles.ingest.nessus.NessusImporter;
import org.ctemcycles.ingest.nuclei.NucleiImporter;
import org.ctemcycles.ingest.sarif.SarifImporter;
import org.ctemcycles.ingest.support.BoundedInputStream;
import org.ctemcycles.ingest.trivy.TrivyImporter;
import org.ctemcycles.ingest.zap.ZapJsonImporter;
import org.ctemcycles.ingest.zap.ZapXmlImporter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The registry of importers and the format detector: opens a report (gzip-compressed or not, recognised by its
 * magic bytes), bounds its size, looks at its first bytes and picks the importer that accepts them. Importers are
 * asked in registry order; the standard order puts the formats with the most specific markers first.
 */
public final class Importers {

    /** How many leading bytes (after decompression) format detection looks at. */
    public static final int HEAD_BYTES = 8192;

    private final List<Importer> importers;

    public Importers(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** Every supported format; ctem's own observation lines first, since Nuclei's JSON lines would accept them too. */
    public static Importers standard() {
        return new Importers(List.of(new ObservationLinesImporter(), new CycloneDxJsonImporter(), new CycloneDxXmlImporter(), new SarifImporter(),
                new TrivyImporter(), new ZapJsonImporter(), new ZapXmlImporter(), new NessusImporter(),
                new NucleiImporter(), new CsvImporter()));
    }

    public List<Importer> importers() {
        return importers;
    }

    /** The names of the supported formats, in registry order. */
    public List<String> formats() {
        return importers.stream().map(Importer::format).toList();
    }

    public Optional<Importer> byFormat(String format) {
        return importers.stream().filter(i -> i.format().equalsIgnoreCase(format)).findFirst();
    }

    /** The importer for a report whose first bytes (decompressed) are {@code head}; fails naming offset 0. */
    public Importer detect(byte[] head) throws ImportException {
        String problem = notAReport(head);
        if (problem != null) {
            throw new ImportException(problem);
        }
        for (Importer importer : importers) {
            if (importer.accepts(head)) {
                return importer;
            }
        }
        throw new ImportException("offset 0: not a report in a supported format (" + String.join(", ", formats())
                + "); it begins with " + preview(head));
    }

    /**
     * Opens a report for reading: decompresses gzip, bounds the size at {@link ImportLimits#maxBytes()} and detects
     * the format (or takes the one named by {@code format}, when not null).
     */
    public OpenedReport open(InputStream raw, ImportLimits limits, String format) throws ImportException {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(4);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            InputStream content = buffered;
            boolean gzip = b0 == 0x1F && b1 == 0x8B;
            if (gzip) {
                content = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            } else if (b0 == 'P' && b1 == 'K') {
                throw new ImportException("offset 0: a ZIP archive is not a report; unzip it and import the report"
                        + " inside (gzip-compressed reports are accepted)");
            }
            BoundedInputStream bounded = new BoundedInputStream(content, limits.maxBytes());
            BufferedInputStream stream = new BufferedInputStream(bounded, 1 << 16);
            stream.mark(HEAD_BYTES);
            byte[] head = stream.readNBytes(HEAD_BYTES);
            stream.reset();
            Importer importer;
            if (format != null) {
                importer = byFormat(format).orElseThrow(() -> new ImportException("unknown format '" + format
                        + "' (known: " + String.join(", ", formats()) + ")"));
            } else {
                importer = detect(head);
            }
            return new OpenedReport(importer, stream, gzip);
        } catch (ImportException e) {
            throw e;
        } catch (IOException e) {
            throw new ImportException(describe(e), e);
        }
    }

    /** Opens, detects and reads a whole report into the sink; answers what was read. */
    public ImportSummary read(InputStream raw, ImportLimits limits, ObservationSink sink) throws ImportException {
        OpenedReport report = open(raw, limits, null);
        return report.read(limits, sink);
    }

    static String describe(IOException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof java.util.zip.ZipException) {
            return "the gzip data is corrupt: " + message;
        }
        if (e instanceof java.io.EOFException) {
            return "the report ends too early (truncated gzip or file?): " + message;
        }
        return message;
    }

    /** Why the head cannot be any text report (binary content), naming the offset; or null. */
    private static String notAReport(byte[] head) {
        boolean utf16 = head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        if (utf16) {
            return null;
        }
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) {
                return "offset " + i + ": binary content (byte 0x" + String.format("%02x", b)
                        + "), not a report in a supported format";
            }
        }
        return null;
    }

    private static String preview(byte[] head) {
        String text = Heads.text(Arrays.copyOf(head, Math.min(head.length, 48))).strip();
        if (text.isEmpty()) {
            return "nothing but whitespace";
        }
        StringBuilder shown = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            shown.append(c < 0x20 ? ' ' : c);
        }
        return shown.append(head.length > 48 ? "...'" : "'").toString();
    }

    /** A report opened and recognised, ready to be read once. */
    public record OpenedReport(Importer importer, InputStream content, boolean gzip) {

        public String format() {
            return importer.format();
        }

        public ImportSummary read(ImportLimits limits, ObservationSink sink) throws ImportException {
            int[] counts = new int[1];
            List<String> warnings = new ArrayList<>();
            importer.read(content, limits, new ObservationSink() {
                @Override
                public void observation(org.ctemcycles.core.finding.Observation observation) {
                    counts[0]++;
                    sink.observation(observation);
                }

                @Override
                public void warning(String message) {
                    if (warnings.size() < ImportSummary.MAX_WARNINGS_KEPT) {
                        warnings.add(message);
                    }
                    sink.warning(message);
                }
            });
            return new ImportSummary(format(), counts[0], warnings);
        }
    }
}
