package org.ctemcycles.ingest;

import org.ctemcycles.ingest.csv.CsvImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxJsonImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxXmlImporter;
import org.ctemcycles.ingest.jsonl.ObservationLinesImporter;
import org.ctemcycles.ingest.nessus.NessusImporter;
import org.ctemcycles.ingest.nuclei.NucleiImporter;
import org.ctemcycles.ingest.sarif.SarifImporter;
import org.ctemcycles.ingest.trivy.TrivyImporter;
import org.ctemcycles.ingest.zap.ZapJsonImporter;
import org.ctemcycles.ingest.zap.ZapXmlImporter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of importers and the format detector: given the first significant bytes of a report (after
 * decompression, leading whitespace left out, a byte order mark kept), picks the importer that accepts them. Importers
 * are asked in registry order; the standard order puts the formats with the most specific markers first.
 * {@link ReportReader} is the one way a report is opened and read.
 */
public final class Importers {

    /** How many significant bytes (after decompression and leading whitespace) format detection looks at. */
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

    /**
     * The importer for a report whose first significant bytes are {@code head}: a byte order mark may precede them,
     * leading whitespace may not (it is passed over before). A head that is empty, blank or binary is no format.
     *
     * @throws ImportException naming offset 0 (or where binary content shows) when no importer accepts the head
     */
    public Importer detect(byte[] head) throws ImportException {
        String problem = notAReport(head);
        if (problem != null) {
            throw new ImportException(problem);
        }
        return accepting(head).orElseThrow(() -> new ImportException("offset 0: not a report in a supported format ("
                + String.join(", ", formats()) + "); it begins with " + preview(head)));
    }

    /** The first importer that accepts the head, if any; none for a head that is empty, blank or binary. */
    Optional<Importer> accepting(byte[] head) {
        if (notAReport(head) != null || Heads.firstSignificant(Heads.text(head)) == -1) {
            return Optional.empty();
        }
        return importers.stream().filter(i -> i.accepts(head)).findFirst();
    }

    /** Why the head cannot be any text report (binary content, or nothing at all), naming the offset; or null. */
    static String notAReport(byte[] head) {
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
}
