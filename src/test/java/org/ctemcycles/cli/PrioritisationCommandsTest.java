package org.ctemcycles.cli;

import org.ctemcycles.report.json.DecisionJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.cli.embedded.EmbeddedDatabase;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.ingest.priority.PolicyJsonReader;
import org.ctemcycles.store.AoDecisionRepository;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** {@code ctem score}, {@code ctem prioritise} and {@code ctem policy} in-process, as documented in the README. */
public class PrioritisationCommandsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private String out;
    private String err;

    private int ctem(String stdin, String... words) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Ctem ctem = new Ctem(Map.of("CTEM_HOME", folder.getRoot().toString()),
                Clock.fixed(Instant.parse("2025-09-01T09:00:00Z"), ZoneOffset.UTC));
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int status = ctem.run(List.of(words), in, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static String resource(String path) {
        try {
            return Path.of(PrioritisationCommandsTest.class.getResource(path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonObject> lines() {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : out.split("\n")) {
            objects.add(JsonParser.parseString(line).getAsJsonObject());
        }
        return objects;
    }

    @Test
    public void aKevFeedThatDecompressesIntoGigabytesIsRefusedWithTheLimitAndItsOption() throws Exception {
        Path bomb = folder.getRoot().toPath().resolve("kev.json.gz");
        Files.write(bomb, org.ctemcycles.ingest.HostileInputTest.gzipBomb("{\"title\":\"", 'K', 4096));
        assertEquals(2, ctem("", "feeds", "load", "--kev", bomb.toString()));
        assertEquals("ctem: --kev: " + bomb + ": line 1, column 1048587: a text value is longer than the limit of"
                + " 1048576 characters (--max-field-length raises it)\n", err);
        assertEquals(2, ctem("", "feeds", "load", "--kev", bomb.toString(), "--max-bytes", "100000"));
        assertEquals("ctem: --kev: " + bomb + ": offset 100000: the KEV catalogue is larger than the limit of 100000"
                + " bytes, counted after decompression (--max-bytes raises it)\n", err);
    }

    @Test
    public void scorePrintsOneJsonObjectPerVectorExactlyAsSpecified() {
        assertEquals(0, ctem("", "score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:N/AC:L/Au:N/C:P/I:P/A:P",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A"));
        assertEquals("""
                {"vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","version":"3.1","base":9.8,"temporal":9.8,"environmental":9.8,"severity":"Critical"}
                {"vector":"AV:N/AC:L/Au:N/C:P/I:P/A:P","version":"2.0","base":7.5,"temporal":null,"environmental":null,"severity":"High"}
                {"vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A","version":"4.0","score":9.3,"nomenclature":"CVSS-BT","severity":"Critical"}
                """, out);
    }

    @Test
    public void scoreReadsStandardInputAndExitsWithTwoIfAnyLineIsInvalid() {
        assertEquals(2, ctem("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/CR:L\n\nCVSS:3.1/AV:N/AV:L\n"
                + "CVSS:4.0/AV:N\n", "score"));
        List<JsonObject> lines = lines();
        assertEquals(3, lines.size());
        assertEquals(8.7, lines.get(0).get("environmental").getAsDouble(), 0);
        assertEquals(9.0, lines.get(0).get("temporal").getAsDouble(), 0);
        assertEquals(List.of("vector", "error"), List.copyOf(lines.get(1).keySet()));
        assertTrue(lines.get(1).get("error").getAsString(), lines.get(1).get("error").getAsString().contains("AV"));
        assertTrue(lines.get(2).get("error").getAsString().contains("AC"));
        assertEquals("", err);
    }

    @Test
    public void prioritisePrintsRankedDecisionsWithFactorsDeadlineAndRationale() {
        assertEquals(err, 0, ctem("", "prioritise", "--findings", resource("/priority/findings.jsonl"),
                "--epss", resource("/priority/epss_scores-2025-08-31.csv.gz"),
                "--kev", resource("/kev/known_exploited_vulnerabilities.json.gz")));
        List<JsonObject> decisions = lines();
        List<String> keys = decisions.stream().map(d -> d.get("key").getAsString()).toList();
        assertEquals(List.of("citrix-bleed@gw-01", "web-01", "git@ci", "web-02", "api-03", "cvss-9.8@build-07"), keys);
        JsonObject top = decisions.get(0);
        assertEquals(1, top.get("rank").getAsInt());
        assertEquals(100.0, top.get("score").getAsDouble(), 0);
        assertEquals("CRITICAL", top.get("tier").getAsString());
        assertEquals("ctem-default", top.getAsJsonObject("policy").get("id").getAsString());
        assertEquals("2025-09-01T09:00:00Z", top.get("decidedAt").getAsString());
        JsonObject kev = top.getAsJsonArray("factors").get(0).getAsJsonObject();
        assertEquals("KEV", kev.get("kind").getAsString());
        assertEquals(25.0, kev.get("points").getAsDouble(), 0);
        assertEquals("2025.08.25", kev.getAsJsonObject("provenance").get("version").getAsString());
        assertTrue(top.get("rationale").getAsString().contains("known ransomware campaign use (CVE-2023-4966) +10.0"));
        JsonObject web02 = decisions.get(3);
        JsonArray factors = web02.getAsJsonArray("factors");
        JsonObject control = factors.get(factors.size() - 1).getAsJsonObject();
        assertEquals(-15.0, control.get("points").getAsDouble(), 0);
        assertEquals("change CHG-1234; WAF policy export 2025-08-20", control.get("evidence").getAsString());
        JsonObject git = decisions.get(2);
        assertEquals("Act", git.getAsJsonObject("ssvc").get("outcome").getAsString());
        assertEquals("2025-08-28", git.getAsJsonObject("deadline").get("date").getAsString());
        assertTrue(git.getAsJsonObject("deadline").get("forensicInvestigation").getAsBoolean());
        assertEquals("", err);
    }

    @Test
    public void aKevCsvFeedGivesTheSameRanking() {
        assertEquals(0, ctem("", "prioritise", "--findings", resource("/priority/findings.jsonl"),
                "--epss", resource("/priority/epss_scores-2025-08-31.csv.gz"),
                "--kev", resource("/kev/known_exploited_vulnerabilities.csv.gz")));
        assertEquals("citrix-bleed@gw-01", lines().get(0).get("key").getAsString());
        assertEquals("2025.08.25", lines().get(0).getAsJsonArray("feeds").get(1).getAsJsonObject().get("version")
                .getAsString());
    }

    @Test
    public void badFindingsAreRejectedWithTheirLineAndFieldAndNothingIsPrinted() throws Exception {
        Path findings = folder.newFile("bad.jsonl").toPath();
        Files.writeString(findings, """
                {"key":"a","cves":["CVE-2021-44228"],"criticality":"urgent"}
                {"key":"b","cvss":["CVSS:3.1/AV:N"],"controls":[{"name":"WAF","points":-10}]}
                not json
                {"key":"a","colour":"red"}
                """);
        assertEquals(2, ctem("", "prioritise", "--findings", findings.toString()));
        assertEquals("", out);
        String f = "ctem: --findings: " + findings + ": ";
        assertTrue(err, err.contains(f + "line 1: criticality: 'urgent' is not one of CRITICAL, HIGH, MEDIUM, LOW\n"));
        assertTrue(err, err.contains(f + "line 2: cvss[0]: "));
        assertTrue(err, err.contains(f + "line 2: controls[0].evidence: is required: a control nobody can show does not count\n"));
        assertTrue(err, err.contains(f + "line 3: not valid JSON: "));
        assertTrue(err, err.contains(f + "line 4: colour: is not a known field"));

        assertEquals(2, ctem("", "prioritise"));
        assertEquals("ctem: --findings: is required: a file of finding facts, one JSON object a line\n", err);
        assertEquals(2, ctem("", "prioritise", "--findings", folder.getRoot() + "/none.jsonl"));
        assertTrue(err, err.startsWith("ctem: --findings: cannot read "));
    }

    @Test
    public void aPolicyFileChangesTheRulesAndEveryDecisionNamesIt() {
        assertEquals(err, 0, ctem("", "prioritise", "--findings", resource("/priority/findings.jsonl"),
                "--policy", resource("/priority/policy-strict.json")));
        JsonObject first = lines().get(0);
        assertEquals("acme-strict", first.getAsJsonObject("policy").get("id").getAsString());
        assertEquals(3, first.getAsJsonObject("policy").get("version").getAsInt());

        assertEquals(0, ctem("", "policy", "--policy", resource("/priority/policy-strict.json")));
        JsonObject policy = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(15, policy.getAsJsonObject("exposure").get("INTERNET_FACING").getAsInt());
        assertEquals(3, policy.getAsJsonObject("deadlines").getAsJsonObject("slaDays").get("CRITICAL").getAsInt());
        assertEquals(120, policy.getAsJsonObject("deadlines").getAsJsonObject("slaDays").get("LOW").getAsInt());
    }

    @Test
    public void thePrintedDefaultPolicyReadsBackAsTheDefaultPolicy() throws Exception {
        assertEquals(0, ctem("", "policy"));
        PriorityPolicy read = new PolicyJsonReader().read(new StringReader(out));
        PriorityPolicy defaults = PriorityPolicy.defaults();
        assertEquals(defaults.label(), read.label());
        assertEquals(out, printed(read));
    }

    private String printed(PriorityPolicy policy) throws Exception {
        Path file = folder.newFile().toPath();
        Files.writeString(file, out);
        ctem("", "policy", "--policy", file.toString());
        return out;
    }

    @Test
    public void aBadPolicyNamesItsFields() throws Exception {
        Path file = folder.newFile("p.json").toPath();
        Files.writeString(file, "{\"id\":\"x\",\"version\":1,\"epss\":{\"percentileThreshold\":95,\"maxAge\":\"3 days\"},"
                + "\"tiers\":{\"HIGH\":90},\"kev\":{\"pionts\":1}}");
        assertEquals(2, ctem("", "policy", "--policy", file.toString()));
        assertTrue(err, err.contains(": kev.pionts: is not a known field"));
        assertTrue(err, err.contains(": epss.maxAge: '3 days' is not an ISO-8601 duration such as P3D"));
        Files.writeString(file, "{\"id\":\"x\",\"version\":1,\"epss\":{\"percentileThreshold\":95},\"tiers\":{\"HIGH\":90}}");
        assertEquals(2, ctem("", "policy", "--policy", file.toString()));
        assertTrue(err, err.contains(": epss.percentileThreshold: must be between 0 and 1 (not 0-100)"));
        assertTrue(err, err.contains(": tiers: thresholds must fall from CRITICAL to HIGH to MEDIUM"));
    }

    @Test
    public void recordStoresDecisionsAppendOnly() {
        String[] words = {"prioritise", "--findings", resource("/priority/findings.jsonl"), "--record"};
        assertEquals(err, 0, ctem("", words));
        assertTrue(err, err.startsWith("ctem: recorded 6 decisions as run cli-"));
        assertEquals(0, ctem("", words));
        try (EmbeddedDatabase db = EmbeddedDatabase.open(EmbeddedDatabase.h2FileUrl(folder.getRoot().toPath()
                .resolve("ctem")), "sa", "", "PUBLIC")) {
            assertEquals(2, new AoDecisionRepository(db.activeObjects(), new DecisionJson()).history("web-01").size());
        }
    }

    @Test
    public void storedFeedsGiveTheSameDecisionsAsTheFiles() {
        String epss = resource("/priority/epss_scores-2025-08-31.csv.gz");
        String kev = resource("/kev/known_exploited_vulnerabilities.json.gz");
        assertEquals(0, ctem("", "prioritise", "--findings", resource("/priority/findings.jsonl"), "--epss", epss,
                "--kev", kev));
        String fromFiles = out.replace(epss, "SOURCE").replace(kev, "SOURCE");

        assertEquals(err, 0, ctem("", "feeds", "load", "--epss", epss, "--kev", kev));
        assertEquals("EPSS v2025.03.14 of 2025-08-31T12:55:00Z: 4 CVEs stored and active\n"
                + "KEV 2025.08.25 of 2025-08-25T17:04:19.979600Z: 1404 entries stored and active\n", out);
        assertEquals(0, ctem("", "prioritise", "--findings", resource("/priority/findings.jsonl"), "--stored-feeds"));
        assertEquals(fromFiles, out.replace(epss, "SOURCE").replace(kev, "SOURCE"));

        // a broken feed is rejected before anything is stored; the active one stays
        assertEquals(2, ctem("", "feeds", "load", "--epss", resource("/priority/findings.jsonl")));
        assertTrue(err, err.startsWith("ctem: --epss: "));
        assertEquals(0, ctem("", "feeds", "list"));
        assertEquals("EPSS v2025.03.14 ACTIVE\nKEV 2025.08.25 ACTIVE\n", out);
    }

    @Test
    public void helpListsTheNewCommands() {
        assertEquals(0, ctem("", "--help"));
        assertTrue(out.contains("ctem score [VECTOR ...]"));
        assertTrue(out.contains("ctem prioritise --findings FILE.jsonl"));
        assertTrue(out.contains("ctem policy [--policy FILE]"));
        assertTrue(out.contains("ctem feeds load [--epss FEED] [--kev FEED]"));
    }
}
