package org.ctemcycles.ingest;

import com.google.gson.Gson;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.jsonl.ObservationLinesImporter;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ReportReaderTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final List<Observation> observations = new ArrayList<>();
    private final ObservationSink sink = new ObservationSink() {
        @Override
        public void observation(Observation observation) {
            observations.add(observation);
        }

        @Override
        public void warning(String message) {
        }
    };

    private static final String REPORT = new Gson().toJson(ObservationBuilder.nessus().build()) + "\n"
            + new Gson().toJson(ObservationBuilder.trivy().cves("CVE-2024-2511").build()) + "\n";

    private Path file(String name, byte[] content) throws IOException {
        Path path = folder.getRoot().toPath().resolve(name);
        Files.write(path, content);
        return path;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private ReportReader reader(long maxBytes) {
        return new ReportReader(Importers.standard(), new ImportLimits(maxBytes, 1000, 1 << 20, 64));
    }

    private void assertRejected(ReportReader reader, Path file, String format, String message) {
        try {
            reader.read(file, format, sink);
            fail("should be rejected: " + message);
        } catch (ImportException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(message));
        }
    }

    @Test
    public void aGzippedReportReadsAndHashesLikeThePlainOne() throws Exception {
        byte[] plain = REPORT.getBytes(StandardCharsets.UTF_8);
        ReportReader.Outcome outcome = reader(1 << 20).read(file("scan.jsonl", plain), null, sink);
        ReportReader.Outcome gzipped = reader(1 << 20).read(file("scan.bin", gzip(plain)), null, sink);
        assertEquals(ObservationLinesImporter.FORMAT, outcome.format());
        assertEquals(2, outcome.observations());
        assertEquals(2, gzipped.observations());
        assertEquals(sha256(plain), outcome.sha256());
        assertEquals("the hash is of the content, not the compression", outcome.sha256(), gzipped.sha256());
        assertTrue(gzipped.gzip());
        assertEquals(plain.length, gzipped.bytes());
        assertEquals(observations.subList(0, 2), observations.subList(2, 4));
    }

    @Test
    public void theSizeLimitAppliesAfterDecompression() throws Exception {
        byte[] bomb = (REPORT + " ".repeat(5_000_000)).getBytes(StandardCharsets.UTF_8);
        Path file = file("bomb.gz", gzip(bomb));
        assertTrue("small on disk", Files.size(file) < 20_000);
        assertRejected(reader(1_000_000), file, null, "offset 1000000: the report is larger than the limit of 1000000"
                + " bytes, counted after decompression (--max-bytes raises it)");
        assertRejected(reader(1_000), file("big.jsonl", bomb), null, "offset 1000: the report is larger than the limit"
                + " of 1000 bytes");
    }

    @Test
    public void truncatedGzipBinaryEmptyAndUnknownContentAreRejectedClearly() throws Exception {
        byte[] gz = gzip(REPORT.repeat(50).getBytes(StandardCharsets.UTF_8));
        assertRejected(reader(1 << 20), file("cut.gz", Arrays.copyOf(gz, gz.length / 2)), null, "offset ");
        assertRejected(reader(1 << 20), file("cut.gz", Arrays.copyOf(gz, gz.length / 2)), null, "offset ");
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        assertRejected(reader(1 << 20), file("a.out", binary), null,
                "offset 4: binary content (byte 0x02), not a report in a supported format");
        assertRejected(reader(1 << 20), file("empty.json", new byte[0]), null,
                "offset 0: the file is empty, so its format cannot be told from its content: name it with --format (one"
                        + " of ctem-jsonl, ");
        assertRejected(reader(1 << 20), file("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8)), null,
                "offset 0: not a report in a supported format (ctem-jsonl, ");
        assertRejected(reader(1 << 20), file("x.json", REPORT.getBytes(StandardCharsets.UTF_8)), "qualys",
                "'qualys' is not a supported format: use one of ctem-jsonl, ");
        assertRejected(reader(1 << 20), folder.getRoot().toPath().resolve("missing.json"), null, "no such file");
    }

    @Test
    public void anEmptyReportOfANamedFormatIsZeroObservations() throws Exception {
        ReportReader.Outcome outcome = reader(1 << 20).read(file("empty.jsonl", new byte[0]), "CTEM-JSONL", sink);
        assertEquals(0, outcome.observations());
        assertEquals(sha256(new byte[0]), outcome.sha256());
    }

    @Test
    public void theHashCoversTheWholeContent() throws Exception {
        ReportReader.Outcome a = reader(1 << 20).read(file("a.jsonl", (REPORT + "\n").getBytes(StandardCharsets.UTF_8)), null, sink);
        ReportReader.Outcome b = reader(1 << 20).read(file("b.jsonl", (REPORT + "\n\n").getBytes(StandardCharsets.UTF_8)), null, sink);
        assertTrue(!a.sha256().equals(b.sha256()));
        assertEquals(a.observations(), b.observations());
    }

    /** Every importer, whatever it does with the stream when done, leaves the whole content hashed. */
    @Test
    public void everyFormatIsHashedWholeEvenWhenItsImporterClosesTheStream() throws Exception {
        for (String fixture : List.of("nessus/weekly-dmz.nessus", "zap/zap-2.16.xml")) {
            byte[] content;
            try (var in = getClass().getResourceAsStream("/ingest/" + fixture)) {
                content = in.readAllBytes();
            }
            ReportReader.Outcome outcome = reader(1 << 24).read(file(fixture.replace('/', '-'), content), null, sink);
            assertEquals(fixture, sha256(content), outcome.sha256());
            assertEquals(fixture, content.length, outcome.bytes());
            assertTrue(fixture, outcome.observations() > 0);
        }
    }
}
