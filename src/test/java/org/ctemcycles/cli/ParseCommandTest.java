package org.ctemcycles.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** {@code ctem parse}: JSON lines per file, rejected files, and no database. */
public class ParseCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String err;
    private List<JsonObject> lines;

    private int ctem(String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Ctem ctem = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()),
                Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC));
        int status = ctem.run(List.of(words), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        err = stderr.toString(StandardCharsets.UTF_8);
        lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return status;
    }

    private Path fixture(String resource, String name) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    public void printsAHeaderEachObservationAndASummaryPerFileWithoutADatabase() throws Exception {
        Path nessus = fixture("nessus/weekly-dmz.nessus", "dmz.nessus");
        Path zap = fixture("zap/zap-2.16.json", "zap.json");
        assertEquals(err, 0, ctem("parse", nessus.toString(), zap.toString()));

        assertEquals(nessus.toString(), lines.get(0).get("file").getAsString());
        assertEquals("nessus", lines.get(0).get("format").getAsString());
        JsonObject log4j = lines.stream().filter(l -> l.has("ruleId") && l.get("ruleId").getAsString().equals("156032"))
                .findFirst().orElseThrow();
        assertEquals("CRITICAL", log4j.get("severity").getAsString());
        assertEquals("IP_ADDRESS", log4j.getAsJsonObject("asset").get("kind").getAsString());
        assertEquals("10.0.0.10", log4j.getAsJsonObject("asset").get("value").getAsString());
        assertEquals("443/tcp", log4j.get("location").getAsString());
        assertEquals("CVE-2021-44228", log4j.getAsJsonArray("cves").get(0).getAsString());
        assertEquals("9.9", log4j.getAsJsonObject("attributes").get("vpr_score").getAsString());
        assertTrue(log4j.get("vex").isJsonNull());
        assertTrue(log4j.get("fingerprint").isJsonNull());
        for (String field : List.of("sourceKind", "tool", "toolVersion", "title", "reportedSeverity", "cwes",
                "cvssVectors", "evidence")) {
            assertTrue(field, log4j.has(field));
        }
        JsonObject nessusSummary = lines.get(5);
        assertEquals(nessus.toString(), nessusSummary.get("file").getAsString());
        assertEquals(4, nessusSummary.get("observations").getAsInt());
        assertEquals(1, nessusSummary.get("warnings").getAsInt());

        assertEquals("zap-json", lines.get(6).get("format").getAsString());
        assertEquals(4, lines.get(lines.size() - 1).get("observations").getAsInt());
        assertEquals(6 + 1 + 4 + 1, lines.size());
        assertFalse("parse needs no database", Files.exists(folder.getRoot().toPath().resolve("ctem.mv.db")));
    }

    @Test
    public void aRejectedFilePrintsOnlyItsErrorAndMakesTheExitCodeTwo() throws Exception {
        Path truncated = fixture("nessus/truncated.nessus", "broken.nessus");
        Path missing = folder.getRoot().toPath().resolve("missing.sarif");
        Path nuclei = fixture("nuclei/export.json", "nuclei.json");
        assertEquals(2, ctem("parse", truncated.toString(), missing.toString(), nuclei.toString()));

        assertEquals(truncated.toString(), lines.get(0).get("file").getAsString());
        assertTrue(lines.get(0).get("error").getAsString(),
                lines.get(0).get("error").getAsString().matches("line \\d+, column \\d+: .*"));
        assertFalse("no observation of the rejected file is printed", lines.get(1).has("ruleId"));
        assertEquals("no such file", lines.get(1).get("error").getAsString());
        assertEquals("nuclei", lines.get(2).get("format").getAsString());
        assertEquals(2, lines.get(lines.size() - 1).get("observations").getAsInt());
        assertEquals(2 + 1 + 2 + 1, lines.size());
    }

    @Test
    public void gzipLimitsAndAForcedFormat() throws Exception {
        Path gz = folder.getRoot().toPath().resolve("trivy.json.gz");
        try (InputStream in = getClass().getResourceAsStream("/ingest/trivy/shop-image.json");
             GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        }
        assertEquals(0, ctem("parse", gz.toString()));
        assertEquals("trivy", lines.get(0).get("format").getAsString());
        assertEquals(6, lines.get(lines.size() - 1).get("observations").getAsInt());

        assertEquals(2, ctem("parse", "--max-observations", "3", gz.toString()));
        assertTrue(lines.get(0).get("error").getAsString().contains("(--max-observations raises it)"));

        Path sarif = fixture("sarif/empty.sarif", "empty.sarif");
        assertEquals(2, ctem("parse", "--format", "nessus", sarif.toString()));
        assertEquals("the content says which format it is, where the XML parser only said it was malformed",
                "offset 0: the content is sarif, not nessus as --format says (leave --format out to read it as sarif)",
                lines.get(0).get("error").getAsString());
        assertEquals(0, ctem("parse", "--format", "sarif", sarif.toString()));
        assertEquals(0, lines.get(1).get("observations").getAsInt());
    }

    private Path write(String name, String content) throws IOException {
        Path path = folder.getRoot().toPath().resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static String nestedSarif(int levels) {
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":["
                + "{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"},\"properties\":{\"deep\":"
                + "[".repeat(levels) + "]".repeat(levels)
                + "}}]}]}";
    }

    @Test
    public void anyAcceptedMaxDepthWorksAndDeeperNestingIsAnErrorNotAStackOverflow() throws Exception {
        assertEquals(2, ctem("parse", "--max-depth", "5000", write("deep.sarif", nestedSarif(6000)).toString()));
        String error = lines.get(0).get("error").getAsString();
        assertTrue(error, error.matches("line 1, column \\d+: arrays and objects nested deeper than the limit of 5000"
                + " levels \\(--max-depth raises it\\)"));
        assertEquals(err, 0, ctem("parse", "--max-depth", "5000", write("nested.sarif", nestedSarif(4900)).toString()));
        assertEquals(1, lines.get(lines.size() - 1).get("observations").getAsInt());
    }

    @Test
    public void detectionReadsPastLeadingWhitespaceAndNeverGuessesFromNothing() throws Exception {
        String sarif = new String(getClass().getResourceAsStream("/ingest/sarif/codeql-javascript.sarif")
                .readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(err, 0, ctem("parse", write("padded.sarif", " ".repeat(10 * 1024) + sarif).toString(),
                write("bom.sarif", "\uFEFF" + "\n".repeat(9000) + sarif).toString()));
        List<JsonObject> headers = lines.stream().filter(l -> l.has("format")).toList();
        assertEquals("sarif", headers.get(0).get("format").getAsString());
        assertEquals("sarif", headers.get(1).get("format").getAsString());
        assertTrue(lines.get(lines.size() - 1).get("observations").getAsInt() > 0);

        assertEquals(2, ctem("parse", write("empty.jsonl", "").toString(), write("blank.jsonl", " \n\n").toString()));
        assertTrue(lines.get(0).get("error").getAsString(), lines.get(0).get("error").getAsString().startsWith(
                "offset 0: the file is empty, so its format cannot be told from its content: name it with --format"));
        assertTrue(lines.get(1).get("error").getAsString(), lines.get(1).get("error").getAsString().startsWith(
                "offset 3: the file holds nothing but whitespace"));
        assertEquals(0, ctem("parse", "--format", "nuclei",
                folder.getRoot().toPath().resolve("empty.jsonl").toString()));
        assertEquals(0, lines.get(1).get("observations").getAsInt());
    }

    @Test
    public void aReportReadOnlyInPartSaysSoAndExitsFive() throws Exception {
        String nuclei = new String(getClass().getResourceAsStream("/ingest/nuclei/scan.jsonl").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals("exit 10: partial", 10, ctem("parse", write("scan.jsonl", nuclei).toString()));
        JsonObject summary = lines.get(lines.size() - 1);
        assertFalse(summary.get("complete").getAsBoolean());
        assertEquals(5, summary.get("observations").getAsInt());
    }

    @Test
    public void badOptionsAreBadInput() {
        assertEquals(2, ctem("parse"));
        assertEquals("ctem: parse: needs at least one FILE (see ctem --help)\n", err);
        assertEquals(2, ctem("parse", "--format", "pdf", "x"));
        assertTrue(err, err.startsWith("ctem: --format: 'pdf' is not a supported format (one of ctem-jsonl, cyclonedx-json, "));
        assertEquals(2, ctem("parse", "--max-bytes", "lots", "x"));
        assertEquals("ctem: --max-bytes: needs a positive whole number, not 'lots'\n", err);
    }
}
