package org.ctemcycles.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.ctemcycles.core.evidence.EvidenceItem;
import org.junit.BeforeClass;
import org.junit.ClassRule;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code ctem demo} and {@code ctem report} in-process: the demo runs a whole cycle from the shipped sample data and
 * writes a pack that covers every evidence item of the CTEM framework; the JSON validates against its documented
 * schema (and a broken document does not); CSV cells a spreadsheet would run as formulas are neutralised.
 */
public class DemoAndReportTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static Path demo;
    private static String demoOut;

    private static int ctem(Map<String, String> environment, String today, StringBuilder out, String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new Ctem(environment, Clock.fixed(LocalDate.parse(today).atTime(9, 0)
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).run(List.of(words),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out.append(stdout.toString(StandardCharsets.UTF_8)).append(stderr.toString(StandardCharsets.UTF_8));
        return status;
    }

    @BeforeClass
    public static void runTheDemo() throws IOException {
        demo = FOLDER.newFolder("demo").toPath();
        StringBuilder out = new StringBuilder();
        int status = ctem(Map.of("CTEM_HOME", FOLDER.getRoot().toString()), "2026-11-28", out, "demo", "--out",
                demo.toString(), "--data", "demo");
        demoOut = out.toString();
        assertEquals(demoOut, 0, status);
    }

    private static JsonObject packJson() throws IOException {
        return JsonParser.parseString(Files.readString(demo.resolve("pack").resolve(ReportCommand.JSON)))
                .getAsJsonObject();
    }

    private static Schema schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .build()));
        try (InputStream in = Files.newInputStream(Path.of("docs", "evidence-pack.schema.json"))) {
            return registry.getSchema(in);
        }
    }

    @Test
    public void theDemoWritesAPackCoveringEveryEvidenceItemOfTheFramework() throws IOException {
        assertTrue(demoOut, demoOut.contains("Evidence items present: 9 of 9"));
        assertTrue(demoOut, demoOut.contains(demo.resolve("pack").toString()));
        JsonObject json = packJson();
        JsonArray items = json.getAsJsonArray("items");
        assertEquals(EvidenceItem.values().length, items.size());
        for (JsonElement item : items) {
            assertTrue(item.toString(), item.getAsJsonObject().get("present").getAsBoolean());
        }
        assertTrue(json.getAsJsonObject("scoping").get("recordedBeforeDiscovery").getAsBoolean());
        assertEquals(3, json.getAsJsonObject("scoping").getAsJsonArray("surfaces").size());
        assertEquals("6 reports, then a rescan of each surface in the last month", 11,
                json.getAsJsonObject("discovery").getAsJsonArray("runs").size());
        JsonObject first = json.getAsJsonObject("prioritisation").getAsJsonArray("queue").get(0).getAsJsonObject();
        assertTrue(first.toString(), first.get("rationale").getAsString().contains("CISA KEV"));
        assertTrue(json.getAsJsonArray("validation").size() >= 4);
        assertTrue(json.get("closure").isJsonObject());
        com.google.gson.JsonArray recommended = json.getAsJsonObject("closure").getAsJsonArray("recommended");
        long taken = recommended.asList().stream().filter(i -> !i.getAsJsonObject().get("takenInto").isJsonNull())
                .count();
        assertTrue("the demo's closure recommends a scope with reasons: " + recommended, recommended.size() > 0
                && recommended.get(0).getAsJsonObject().get("reason").getAsString().contains("findings carried over"));
        assertTrue("the next cycle takes part of it: " + recommended, taken > 0 && taken < recommended.size());
        assertEquals("CTEM-2026-Q4", json.getAsJsonObject("cadence").get("nextCycle").getAsString());
        JsonObject log = json.getAsJsonObject("activityLog");
        assertTrue(log.get("intact").getAsBoolean());
        assertTrue("the demo's log is keyed", log.get("anchorKey").isJsonPrimitive());
        assertTrue(log.get("recordIntact").getAsBoolean());
        assertEquals("4 checkpoints and the closure commit a digest", 5, log.getAsJsonArray("recordDigests").size());
        int met = 0;
        for (JsonElement control : json.getAsJsonArray("controls")) {
            JsonObject c = control.getAsJsonObject();
            assertEquals(control.toString(), 0, c.getAsJsonArray("missing").size());
            assertTrue(c.get("evidenced").getAsBoolean());
            met += c.getAsJsonObject("objective").get("met").getAsBoolean() ? 1 : 0;
        }
        assertTrue("evidence present does not mean every objective met: " + met, met > 0 && met < 9);
        String html = Files.readString(demo.resolve("pack").resolve(ReportCommand.HTML));
        for (EvidenceItem item : EvidenceItem.values()) {
            assertTrue(item.title(), html.contains(item.title()));
        }
        assertTrue(html, html.contains("CTEM-2026-Q3") && html.contains("A.8.8") && html.contains("ID.RA-01"));
        JsonObject vex = JsonParser.parseString(Files.readString(demo.resolve("pack").resolve(ReportCommand.VEX)))
                .getAsJsonObject();
        assertEquals("1.6", vex.get("specVersion").getAsString());
        assertTrue(vex.toString(), vex.toString().contains("\"state\":\"resolved\""));
        assertTrue(vex.toString(), vex.toString().contains("protected_by_mitigating_control"));
    }

    /** The demo runs in the last complete quarter before "today" (2026-11-28): Q3 2026, closed on 2026-09-30. */
    @Test
    public void theDemoTellsItsStoryInTheLastCompleteQuarterWithCurrentFeeds() throws IOException {
        JsonObject json = packJson();
        assertEquals("CTEM-2026-Q3", json.getAsJsonObject("cycle").get("key").getAsString());
        assertEquals("2026-07-01", json.getAsJsonObject("cycle").get("start").getAsString());
        assertEquals("2026-09-30T09:30:00Z", json.get("asOf").getAsString());
        for (JsonElement feed : json.getAsJsonObject("prioritisation").getAsJsonArray("feeds")) {
            assertTrue("no feed is stale: " + feed, !feed.getAsJsonObject().get("stale").getAsBoolean());
        }
        for (JsonElement run : json.getAsJsonObject("discovery").getAsJsonArray("runs")) {
            String file = run.getAsJsonObject().get("file").getAsString();
            assertTrue("the inputs are dated inside the cycle: " + file, !file.contains("2026-1"));
        }
        int decided = 0;
        for (JsonElement item : json.getAsJsonObject("prioritisation").getAsJsonArray("queue")) {
            decided += item.getAsJsonObject().get("ssvc").getAsString().contains("undetermined") ? 0 : 1;
        }
        assertTrue("SSVC decides where the scanners give CVSS v4.0: " + decided, decided >= 7);
        for (JsonElement entry : json.getAsJsonArray("mobilisation")) {
            JsonObject e = entry.getAsJsonObject();
            if (e.get("laterThanPolicy").getAsBoolean()) {
                assertTrue(e.toString(), e.get("deadlineReason").isJsonPrimitive()
                        && e.get("deadlineSetBy").isJsonPrimitive());
            }
        }
    }

    /** The closed cycle's figures are counted as of its closure, so reading its database later gives the same pack. */
    @Test
    public void readingTheDemosDatabaseAgainLaterGivesTheFiguresOfItsPack() throws IOException {
        Path again = FOLDER.newFolder("again").toPath();
        StringBuilder out = new StringBuilder();
        Map<String, String> environment = Map.of("CTEM_HOME", FOLDER.getRoot().toString());
        String db = demo.resolve("database").resolve("ctem").toString();
        assertEquals(out.toString(), 0, ctem(environment, "2027-06-15", out, "--db", db, "report", "--cycle",
                "CTEM-2026-Q3", "--out", again.toString()));
        JsonObject first = packJson();
        JsonObject later = JsonParser.parseString(Files.readString(again.resolve(ReportCommand.JSON)))
                .getAsJsonObject();
        for (JsonObject pack : List.of(first, later)) {
            pack.remove("generatedAt");
            pack.remove("generatedBy");
        }
        assertEquals(first, later);
        out.setLength(0);
        assertEquals(out.toString(), 0, ctem(environment, "2027-06-15", out, "--db", db, "log", "verify"));
        assertTrue(out.toString(), out.toString().contains("CTEM-2026-Q3: 5 record digests verified"));
        out.setLength(0);
        assertEquals(0, ctem(environment, "2027-06-15", out, "--db", db, "cycle", "show", "CTEM-2026-Q3"));
        assertTrue(out.toString(), out.toString().contains("Missed checkpoints:  2"));
    }

    @Test
    public void thePackJsonValidatesAgainstItsDocumentedSchemaAndABrokenOneDoesNot() throws IOException {
        Schema schema = schema();
        String text = Files.readString(demo.resolve("pack").resolve(ReportCommand.JSON));
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        assertTrue(errors.toString(), errors.isEmpty());

        JsonObject broken = packJson();
        broken.getAsJsonObject("cycle").remove("key");
        broken.getAsJsonArray("findings").get(0).getAsJsonObject().addProperty("severity", "URGENT");
        broken.addProperty("generatedAt", "yesterday");
        List<Error> found = schema.validate(broken.toString(), InputFormat.JSON);
        String messages = found.toString();
        assertTrue(messages, messages.contains("key"));
        assertTrue(messages, messages.contains("URGENT") || messages.contains("severity"));
        assertTrue(messages, messages.contains("generatedAt"));
    }

    @Test
    public void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws IOException {
        Path home = FOLDER.newFolder("report").toPath();
        Map<String, String> environment = new HashMap<>(Map.of("CTEM_HOME", home.toString()));
        StringBuilder out = new StringBuilder();
        assertEquals(0, ctem(environment, "2026-10-01", out, "cycle", "create", "--key", "CSV-1", "--name",
                "=HYPERLINK(\"http://evil.example\")", "--start", "2026-10-01", "--end", "2026-12-31"));
        assertEquals(out.toString(), 0, ctem(environment, "2026-10-01", out, "cycle", "scope", "add", "CSV-1",
                "--surface", "WEB", "--name", "Web", "--kind", "customer-facing-system", "--rule",
                "host:web.example.com"));
        for (String title : List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)")) {
            assertEquals(out.toString(), 0, ctem(environment, "2026-10-02", out, "findings", "add", "--cycle",
                    "CSV-1", "--title", title, "--asset", "host:web.example.com", "--severity", "high",
                    "--reference", "WSTG-INPV-" + title.length()));
        }
        assertEquals(out.toString(), 0, ctem(environment, "2026-10-02", out, "findings", "add", "--cycle", "CSV-1",
                "--title", "<script>alert(1)</script>", "--asset", "host:web.example.com", "--severity", "low",
                "--reference", "WSTG-CLNT-01"));
        Path pack = home.resolve("pack");
        assertEquals(out.toString(), 0, ctem(environment, "2026-10-03", out, "report", "--cycle", "CSV-1", "--out",
                pack.toString()));
        assertTrue(out.toString(), out.toString().contains("missing: Validation evidence: no finding was validated"));
        assertTrue("progress per rendering: " + out, out.toString().contains("ctem: wrote evidence-pack.html (")
                && out.toString().contains("ctem: wrote csv/ in "));
        String findings = Files.readString(pack.resolve("csv").resolve("findings.csv"));
        for (String title : List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)")) {
            assertTrue(findings, findings.contains(",\"'" + title.replace("\"", "\"\"") + "\",")
                    || findings.contains(",'" + title + ","));
        }
        for (String line : findings.split("\r\n")) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertTrue("a cell a spreadsheet would run: " + cell + " in " + line,
                        bare.isEmpty() || "=+-@".indexOf(bare.charAt(0)) < 0);
            }
        }
        String html = Files.readString(pack.resolve(ReportCommand.HTML));
        assertTrue("hostile finding text stays inert in the HTML", !html.contains("<script>alert(1)")
                && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String log = Files.readString(pack.resolve("csv").resolve("activity-log.csv"));
        assertTrue(log, !log.contains(",=HYPERLINK") && !log.contains(",\"=HYPERLINK"));
        List<Error> errors = schema().validate(Files.readString(pack.resolve(ReportCommand.JSON)), InputFormat.JSON);
        assertTrue("an open cycle's pack validates too: " + errors, errors.isEmpty());
    }

    @Test
    public void theDemoReplacesItsOwnFolderButNoOtherAndReportNamesBadInput() throws IOException {
        Path foreign = FOLDER.newFolder("foreign").toPath();
        Files.writeString(foreign.resolve("thesis.txt"), "precious");
        StringBuilder out = new StringBuilder();
        assertEquals(2, ctem(Map.of("CTEM_HOME", FOLDER.getRoot().toString()), "2026-11-28", out, "demo", "--out",
                foreign.toString(), "--data", "demo"));
        assertTrue(out.toString(), out.toString().contains("--out: " + foreign + " exists and is not an earlier"
                + " demo's folder"));
        assertTrue(Files.exists(foreign.resolve("thesis.txt")));
        out.setLength(0);
        assertEquals(2, ctem(Map.of("CTEM_HOME", FOLDER.getRoot().toString()), "2026-11-28", out, "report",
                "--cycle", "CTEM-2026-Q3"));
        assertTrue(out.toString(), out.toString().contains("--out: is required"));
    }
}
