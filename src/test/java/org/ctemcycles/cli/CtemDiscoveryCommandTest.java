package org.ctemcycles.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

/** ctem surfaces / import / findings / coverage / runs in-process, on embedded H2 files in a temporary CTEM_HOME. */
public class CtemDiscoveryCommandTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String out;
    private String err;
    private Instant now = Instant.parse("2026-11-02T09:00:00Z");

    private int ctem(String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Ctem ctem = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()), Clock.fixed(now, ZoneOffset.UTC));
        int status = ctem.run(List.of(words), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private List<JsonObject> lines() {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return objects;
    }

    private Path report(String name, Observation... observations) throws IOException {
        StringBuilder text = new StringBuilder("{\"file\":\"" + name + "\",\"format\":\"nessus\"}\n");
        for (Observation observation : observations) {
            text.append(new Gson().toJson(observation)).append('\n');
        }
        text.append("{\"file\":\"").append(name).append("\",\"observations\":").append(observations.length)
                .append(",\"warnings\":0}\n");
        Path file = folder.getRoot().toPath().resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path gzip(Path plain) throws IOException {
        Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(plain));
        }
        return gz;
    }

    @Before
    public void cycleWithASurface() {
        assertEquals(err, 0, ctem("cycles", "create", "--key", "CTEM-2026-Q4", "--name", "Q4", "--start", "2026-10-01",
                "--end", "2026-12-31"));
        assertEquals(err, 0, ctem("surfaces", "add", "--cycle", "ctem-2026-q4", "--key", "web", "--name", "Web tier",
                "--kind", "customer-facing-system", "--rule", "host:*.corp.example", "--rule", "ip:10.0.0.0/24",
                "--criticality", "high", "--owner", "JIRAUSER10100"));
        JsonObject surface = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("WEB", surface.get("key").getAsString());
        assertEquals("[\"host:*.corp.example\",\"ip:10.0.0.0/24\"]", surface.get("rules").toString());
    }

    @Test
    public void importPrintsAJsonLinePerFileAndASummaryAndIsIdempotent() throws Exception {
        Path week1 = report("week1.jsonl",
                ObservationBuilder.nessus().cves("CVE-2021-44228").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("51192").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("10863").host("printer.branch.example").build());
        assertEquals(err, 0, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "web", week1.toString()));
        List<JsonObject> lines = lines();
        assertEquals(2, lines.size());
        JsonObject file = lines.get(0);
        assertEquals(week1.toString(), file.get("file").getAsString());
        assertEquals("ctem-jsonl", file.get("format").getAsString());
        assertEquals("AUTHENTICATED_SCAN", file.get("sourceKind").getAsString());
        assertEquals(3, file.get("observations").getAsInt());
        assertEquals(3, file.get("newFindings").getAsInt());
        assertEquals(0, file.get("merged").getAsInt());
        assertEquals(1, file.get("outOfScope").getAsInt());
        assertFalse(file.get("alreadyImported").getAsBoolean());
        JsonObject summary = lines.get(1);
        assertEquals(1, summary.get("files").getAsInt());
        assertEquals(0, summary.get("rejected").getAsInt());
        assertEquals(3, summary.get("newFindings").getAsInt());
        assertEquals(0, summary.get("warnings").getAsInt());

        assertEquals(0, ctem("findings", "list", "--cycle", "CTEM-2026-Q4", "--json"));
        String findingsBefore = out;

        now = now.plusSeconds(3600);
        assertEquals(err, 0, ctem("import", "--cycle", "CTEM-2026-Q4", week1.toString(), gzip(week1).toString()));
        lines = lines();
        assertTrue(lines.get(0).get("alreadyImported").getAsBoolean());
        assertTrue("the gzipped copy has the same content", lines.get(1).get("alreadyImported").getAsBoolean());
        assertEquals(2, lines.get(2).get("alreadyImported").getAsInt());
        assertEquals(0, lines.get(2).get("newFindings").getAsInt());
        assertEquals(0, ctem("findings", "list", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals("nothing changed", findingsBefore, out);
        assertEquals(0, ctem("runs", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals(1, lines().size());
    }

    @Test
    public void aRescanMergesAndTurnsWhatItNoLongerSeesIntoFixCandidates() throws Exception {
        ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "WEB", report("w1.jsonl",
                ObservationBuilder.nessus().ruleId("51192").host("web01.corp.example").build(),
                ObservationBuilder.nessus().ruleId("10863").host("web01.corp.example").build()).toString());
        now = now.plusSeconds(7 * 86400);
        assertEquals(err, 0, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "WEB", report("w2.jsonl",
                ObservationBuilder.nessus().ruleId("10863").host("web01.corp.example").title("changed text").build()).toString()));
        JsonObject file = lines().get(0);
        assertEquals(1, file.get("merged").getAsInt());
        assertEquals(1, file.get("fixCandidates").getAsInt());

        assertEquals(0, ctem("findings", "list", "--cycle", "CTEM-2026-Q4", "--fix-candidates", "--json"));
        JsonObject candidate = lines().get(0);
        assertEquals("51192", candidate.get("ruleId").getAsString());
        assertEquals(0, ctem("findings", "show", candidate.get("id").getAsString(), "--json"));
        JsonObject shown = lines().get(0);
        assertEquals(1, shown.getAsJsonArray("signals").size());
        assertFalse(shown.getAsJsonArray("signals").get(0).getAsJsonObject().get("live").getAsBoolean());
        assertEquals(0, ctem("findings", "show", candidate.get("id").getAsString()));
        assertTrue(out, out.contains("fix candidate (run 2)"));
        assertTrue(out, out.contains("soft-deleted by run 2"));
    }

    @Test
    public void aRejectedFileIsNamedWithItsLineAndStoresNothing() throws Exception {
        Path good = report("good.jsonl", ObservationBuilder.nessus().build());
        Path bad = folder.getRoot().toPath().resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(good).replace("\"severity\":\"CRITICAL\"", "\"severity\":\"SEVERE\""));
        Path binary = folder.getRoot().toPath().resolve("tool.bin");
        Files.write(binary, new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 0});

        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", bad.toString(), binary.toString()));
        List<JsonObject> lines = lines();
        assertEquals("line 2: field \"severity\" 'SEVERE' is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL, UNKNOWN",
                lines.get(0).get("error").getAsString());
        assertTrue(lines.get(1).get("error").getAsString(), lines.get(1).get("error").getAsString()
                .startsWith("offset 4: binary content (byte 0x00), not a report in a supported format"));
        assertEquals(2, lines.get(2).get("rejected").getAsInt());
        assertEquals(0, ctem("runs", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals("", out);
        assertEquals(0, ctem("findings", "list", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals("", out);
    }

    @Test
    public void aReportReadOnlyInPartIsAPartialRunThatExitsTenAndSaysSo() throws Exception {
        String a = "{\"template-id\":\"tpl-a\",\"info\":{\"name\":\"A\",\"severity\":\"high\"},\"host\":"
                + "\"web01.corp.example\",\"matched-at\":\"web01.corp.example:443\"}";
        Path week1 = folder.getRoot().toPath().resolve("week1.jsonl");
        Files.writeString(week1, a + "\n" + a.replace("tpl-a", "tpl-b") + "\n");
        assertEquals(err, 0, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "WEB", week1.toString()));
        assertTrue(lines().get(0).get("complete").getAsBoolean());

        now = now.plusSeconds(86400);
        Path week2 = folder.getRoot().toPath().resolve("week2.jsonl");
        Files.writeString(week2, a + "\n" + a.replace("tpl-a", "tpl-b").substring(0, 40));
        assertEquals(err, 10, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "WEB", week2.toString()));
        JsonObject file = lines().get(0);
        assertFalse(file.get("complete").getAsBoolean());
        assertEquals(0, file.get("fixCandidates").getAsInt());
        assertEquals(0, file.getAsJsonArray("coveredSurfaces").size());
        assertTrue(file.get("warningMessages").toString(), file.getAsJsonArray("warningMessages").get(0).getAsString()
                .startsWith("line 2: skipped a malformed line: "));
        JsonObject summary = lines().get(1);
        assertEquals(1, summary.get("partial").getAsInt());
        assertEquals(0, summary.get("rejected").getAsInt());

        assertEquals(0, ctem("runs", "--cycle", "CTEM-2026-Q4", "--json"));
        assertFalse(lines().get(0).get("complete").getAsBoolean());
        assertEquals(0, ctem("log", "show", "CTEM-2026-Q4"));
        assertTrue(out, out.contains("complete: false"));
    }

    @Test
    public void anEmptyReportIsARunWithZeroObservationsOnceItsSourceKindIsKnown() throws Exception {
        Path empty = folder.getRoot().toPath().resolve("empty.jsonl");
        Files.writeString(empty, "");
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", empty.toString()));
        assertTrue(out, lines().get(0).get("error").getAsString()
                .startsWith("offset 0: the file is empty, so its format cannot be told"));
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--format", "ctem-jsonl", empty.toString()));
        assertTrue(out, lines().get(0).get("error").getAsString().startsWith("--source-kind: the report has no observations"));
        assertEquals(err, 0, ctem("import", "--cycle", "CTEM-2026-Q4", "--format", "ctem-jsonl", "--source-kind",
                "external-scan", "--tool", "Nuclei", "--covers", "WEB", empty.toString()));
        JsonObject file = lines().get(0);
        assertEquals(0, file.get("observations").getAsInt());
        assertEquals("EXTERNAL_SCAN", file.get("sourceKind").getAsString());
        assertEquals(0, ctem("coverage", "--cycle", "CTEM-2026-Q4", "--json"));
        JsonObject web = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("surfaces").get(0).getAsJsonObject();
        assertEquals("COVERED", web.getAsJsonObject("coverage").getAsJsonObject("EXTERNAL_SCAN").get("state").getAsString());
        assertEquals("NEVER", web.getAsJsonObject("coverage").getAsJsonObject("CODE_SCAN").get("state").getAsString());
    }

    @Test
    public void coverageTurnsStaleAfterTheConfiguredAge() throws Exception {
        ctem("import", "--cycle", "CTEM-2026-Q4", "--scanned-at", "2026-10-01", report("old.jsonl",
                ObservationBuilder.nessus().host("web01.corp.example").build()).toString());
        assertEquals(0, ctem("coverage", "--cycle", "CTEM-2026-Q4"));
        assertTrue(out, out.contains("WEB                  Never          Stale 10-01"));
        assertEquals(0, ctem("coverage", "--cycle", "CTEM-2026-Q4", "--stale-after", "45"));
        assertTrue(out, out.contains("WEB                  Never          Covered 10-01"));
        assertEquals(2, ctem("coverage", "--cycle", "CTEM-2026-Q4", "--stale-after", "0"));
        assertEquals("ctem: --stale-after: '0' is not a whole number of days from 1 to 3650\n", err);
    }

    @Test
    public void manualFindingsAreAddedThroughTheSameDedup() {
        String[] add = {"findings", "add", "--cycle", "CTEM-2026-Q4", "--title", "Admin login bypass", "--asset",
                "url:https://app.corp.example/login", "--severity", "high", "--cwe", "287", "--cvss",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"};
        assertEquals(err, 0, ctem(add));
        JsonObject first = lines().get(0);
        assertEquals("WEB", first.get("surface").getAsString());
        assertFalse(first.get("merged").getAsBoolean());
        assertEquals(err, 0, ctem(add));
        JsonObject second = lines().get(0);
        assertTrue(second.get("merged").getAsBoolean());
        assertEquals(first.get("id"), second.get("id"));

        assertEquals(2, ctem("findings", "add", "--cycle", "CTEM-2026-Q4", "--title", "x", "--asset", "url:https://a/",
                "--severity", "high", "--cve", "CVE-21"));
        assertEquals("ctem: --cve: 'CVE-21' is not a CVE id (CVE-YYYY-NNNN)\n", err);
    }

    @Test
    public void badOptionsAreNamed() throws Exception {
        Path file = report("r.jsonl", ObservationBuilder.nessus().build());
        assertEquals(2, ctem("import", file.toString()));
        assertEquals("ctem: --cycle: is required (the key of the cycle, e.g. CTEM-2026-Q3)\n", err);
        assertEquals(2, ctem("import", "--cycle", "NOPE", file.toString()));
        assertEquals("ctem: no CTEM cycle with key 'NOPE'\n", err);
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "WEB,PAYMENTS", file.toString()));
        assertEquals("ctem: covers: cycle CTEM-2026-Q4 has no surface 'PAYMENTS' (its surfaces: WEB)\n", err);
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--source-kind", "pentest", file.toString()));
        assertTrue(err, err.startsWith("ctem: --source-kind: 'pentest' is not a source kind: use one of external-scan,"));
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--scanned-at", "yesterday", file.toString()));
        assertEquals("ctem: --scanned-at: 'yesterday' is not a date (2026-11-02) or an instant (2026-11-02T08:00:00Z)\n", err);
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--format", "qualys", file.toString()));
        assertTrue(err, err.startsWith("ctem: --format: 'qualys' is not a supported format: use one of ctem-jsonl"));
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4"));
        assertTrue(err, err.startsWith("ctem: import: needs at least one report file"));
        assertEquals(2, ctem("surfaces", "add", "--cycle", "CTEM-2026-Q4", "--key", "api", "--name", "API", "--kind",
                "api", "--rule", "ip:10.0.0.0/33"));
        assertEquals("ctem: --kind: 'api' is not one of business-process, customer-facing-system, regulated-data-flow,"
                + " third-party-connection, identity-surface\n"
                + "ctem: --rule [1]: 'ip:10.0.0.0/33': the prefix length '33' must be 0 to 32\n", err);
        assertEquals(0, ctem("runs", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals("nothing was imported by the rejected commands", "", out);
        assertEquals(List.of(), readerThreads());
    }

    @Test
    public void anOptionFoundWrongAfterTheDatabaseOpensStopsTheReportReadAhead() throws Exception {
        StringBuilder sarif = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":"
                + "\"CodeQL\"}},\"results\":[");
        for (int i = 0; i < 40_000; i++) {
            sarif.append(i == 0 ? "" : ",").append("{\"ruleId\":\"rule-").append(i).append("\",\"message\":{\"text\":"
                    + "\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/app.js\"}}}]}");
        }
        Path file = folder.getRoot().toPath().resolve("large.sarif");
        Files.writeString(file, sarif.append("]}]}"));
        assertEquals(2, ctem("import", "--cycle", "NOPE", file.toString()));
        assertEquals("ctem: no CTEM cycle with key 'NOPE'\n", err);
        assertEquals("the reader ended with the command", List.of(), readerThreads());
        assertEquals(2, ctem("import", "--cycle", "CTEM-2026-Q4", "--covers", "PAYMENTS", file.toString()));
        assertEquals("ctem: covers: cycle CTEM-2026-Q4 has no surface 'PAYMENTS' (its surfaces: WEB)\n", err);
        assertEquals(List.of(), readerThreads());
        assertEquals(0, ctem("runs", "--cycle", "CTEM-2026-Q4", "--json"));
        assertEquals("nothing was imported", "", out);
    }

    private static List<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter("ctem-report-reader"::equals).toList();
    }
}
