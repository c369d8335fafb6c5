package org.ctemcycles.ingest.jsonl;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.ingest.ImportException;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.ObservationSink;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class ObservationLinesImporterTest {

    private final ObservationLinesImporter importer = new ObservationLinesImporter();
    private final List<Observation> observations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final ObservationSink sink = new ObservationSink() {
        @Override
        public void observation(Observation observation) {
            observations.add(observation);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    private void read(String text, ImportLimits limits) throws ImportException {
        importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limits, sink);
    }

    private void read(String text) throws ImportException {
        read(text, ImportLimits.defaults());
    }

    private void assertRejected(String text, ImportLimits limits, String message) {
        try {
            read(text, limits);
            fail("should be rejected: " + message);
        } catch (ImportException e) {
            assertEquals(message, e.getMessage());
        }
    }

    private void assertRejected(String text, String message) {
        assertRejected(text, ImportLimits.defaults(), message);
    }

    @Test
    public void observationsWrittenWithGsonAreReadBackEqual() throws Exception {
        Observation full = ObservationBuilder.nessus().cves("CVE-2021-44228").cwes("CWE-502")
                .vectors("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").fingerprint("fp:1")
                .attributes(Map.of("vpr_score", "9.9", "exploit_available", "true"))
                .vex(new VexAnalysis("not_affected", "code_not_reachable", "will_not_fix", "JNDI disabled"))
                .evidence("line 1\nline 2 \"quoted\" ünï").deployment("prod/shop/Deployment/web").build();
        Observation bare = ObservationBuilder.sarif().build();
        Gson gson = new Gson();
        read(gson.toJson(full) + "\n" + gson.toJson(bare) + "\n");
        assertEquals(List.of(full, bare), observations);
        assertEquals("null fields written out are read as absent", List.of(full),
                readAll(new GsonBuilder().serializeNulls().create().toJson(full)));
    }

    private List<Observation> readAll(String text) throws ImportException {
        observations.clear();
        read(text);
        return List.copyOf(observations);
    }

    @Test
    public void ctemParseHeaderAndSummaryLinesAndBlankLinesAreSkipped() throws Exception {
        read("{\"file\":\"scan.nessus\",\"format\":\"nessus\"}\n\n"
                + "{\"sourceKind\":\"EXTERNAL_SCAN\",\"tool\":\"Nuclei\",\"ruleId\":\"CVE-2018-15473\",\"severity\":\"MEDIUM\","
                + "\"asset\":{\"kind\":\"HOST\",\"value\":\"ssh.example.com\"},\"location\":\"22/tcp\",\"cves\":[\"CVE-2018-15473\"]}\r\n"
                + "   \n{\"file\":\"scan.nessus\",\"observations\":1,\"warnings\":0}");
        assertEquals(1, observations.size());
        Observation o = observations.get(0);
        assertEquals(AssetKind.HOST, o.asset().kind());
        assertEquals("22/tcp", o.location());
        assertEquals(ObservedSeverity.MEDIUM, o.severity());
        assertEquals("", o.toolVersion());
        assertEquals(List.of(), warnings);
    }

    @Test
    public void aParseOutputThatRecordsARejectedFileRejectsTheImport() {
        assertRejected("{\"file\":\"a.sarif\",\"format\":\"sarif\"}\n{\"file\":\"b.xml\",\"error\":\"line 3: a DOCTYPE\"}\n",
                "line 2: the parse output records that b.xml was rejected: line 3: a DOCTYPE");
    }

    @Test
    public void everyMalformedLineIsNamedWithItsLineAndField() {
        String ok = "{\"sourceKind\":\"CODE_SCAN\",\"tool\":\"t\",\"ruleId\":\"r\",\"severity\":\"LOW\",\"asset\":{\"kind\":\"URL\",\"value\":\"https://a/\"}}";
        assertRejected(ok + "\n{\"sourceKind\":\"CODE_SCAN\",",
                "line 2, column 27: the JSON ends too early (truncated report?)");
        assertRejected(ok + "\n" + ok.replace("\"LOW\"", "'LOW'"), "line 2, column 63: malformed JSON: not strict JSON"
                + " (single quotes, unquoted names, comments?) ($.severity)");
        assertRejected(ok + "\n[1,2]", "line 2: not a JSON object");
        assertRejected(ok + " " + ok, "line 1: text after the JSON object (one object a line)");
        assertRejected("{\"tool\":\"t\"}", "line 1: not an observation: the field \"sourceKind\" is missing");
        assertRejected(ok.replace("\"LOW\"", "\"SEVERE\""),
                "line 1: field \"severity\" 'SEVERE' is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL, UNKNOWN");
        assertRejected(ok.replace("\"CODE_SCAN\"", "\"PENTEST\""), "line 1: field \"sourceKind\" 'PENTEST' is not one of"
                + " EXTERNAL_SCAN, AUTHENTICATED_SCAN, CODE_SCAN, CONFIGURATION_REVIEW, IDENTITY_REVIEW, MANUAL_TEST, THIRD_PARTY");
        assertRejected(ok.replace("\"ruleId\":\"r\",", ""), "line 1: field \"ruleId\" is required");
        assertRejected(ok.replace("\"tool\":\"t\"", "\"tool\":7"), "line 1: field \"tool\" must be text");
        assertRejected(ok.replace("}}", "},\"cves\":\"CVE-1\"}"), "line 1: field \"cves\" must be an array of text");
        assertRejected(ok.replace("}}", "},\"cves\":[1]}"), "line 1: field \"cves[0]\" must be text");
        assertRejected(ok.replace("\"value\":\"https://a/\"", "\"value\":\" \""), "line 1: field \"asset.value\" is empty");
        assertRejected(ok.replace("\"URL\"", "\"SERVER\""), "line 1: field \"kind\" 'SERVER' is not one of HOST, IP_ADDRESS,"
                + " URL, REPOSITORY, CONTAINER_IMAGE, PACKAGE, CLOUD_ACCOUNT, OTHER");
        assertRejected(ok.replace(",\"asset\":{\"kind\":\"URL\",\"value\":\"https://a/\"}", ""), "line 1: field \"asset\" is required");
    }

    @Test
    public void limitsOnFieldsLinesDepthAndCountAreEnforced() {
        String ok = "{\"sourceKind\":\"CODE_SCAN\",\"tool\":\"t\",\"ruleId\":\"r\",\"severity\":\"LOW\",\"asset\":{\"kind\":\"URL\",\"value\":\"https://a/\"}";
        ImportLimits small = new ImportLimits(1 << 20, 2, 100, 4);
        assertRejected(ok + ",\"evidence\":\"" + "x".repeat(101) + "\"}", small,
                "line 1, column 224: a text value is longer than the limit of 100 characters (--max-field-length raises"
                        + " it)");
        assertRejected((ok + "}\n").repeat(3), small, "line 3: the report holds more than the limit of 2 observations"
                + " (--max-observations raises it)");
        assertRejected(ok + ",\"attributes\":{\"a\":{\"b\":{\"c\":{\"d\":1}}}}}", small,
                "line 1, column 140: arrays and objects nested deeper than the limit of 4 levels (--max-depth raises"
                        + " it)");
        assertRejected(ok + ",\"evidence\":\"" + "x".repeat(80_000) + "\"}", small, "line 1: longer than the limit of"
                + " 66336 bytes (8 fields' worth; --max-field-length raises it)");
    }

    @Test
    public void binaryAndNonUtf8ContentIsRejected() throws Exception {
        try {
            importer.read(new ByteArrayInputStream(new byte[]{'{', '"', 0, 1, 2}), ImportLimits.defaults(), sink);
            fail();
        } catch (ImportException e) {
            assertEquals("line 1: a NUL byte: this is a binary file, not JSON lines", e.getMessage());
        }
        try {
            importer.read(new ByteArrayInputStream(new byte[]{'\n', '{', '"', (byte) 0xC3, (byte) 0x28, '}'}),
                    ImportLimits.defaults(), sink);
            fail();
        } catch (ImportException e) {
            assertEquals("line 2: not valid UTF-8 text", e.getMessage());
        }
    }

    @Test
    public void detectionTakesOwnLinesOnly() {
        assertTrue(accepts("{\"sourceKind\":\"CODE_SCAN\",\"tool\":\"t\"}\n"));
        assertTrue(accepts("\uFEFF\n  {\"file\":\"scan.nessus\",\"format\":\"nessus\"}\n{\"sourceKind\""));
        assertTrue("a long first line cut by the head", accepts("{\"sourceKind\":\"CODE_SCAN\",\"evidence\":\"" + "x".repeat(9000)));
        assertFalse("Nuclei JSONL", accepts("{\"template-id\":\"CVE-2018-15473\",\"info\":{}}\n"));
        assertFalse("Trivy", accepts("{\n  \"SchemaVersion\": 2,\n  \"ArtifactName\": \"shop:1.4\"}"));
        assertFalse("SARIF", accepts("{\"version\":\"2.1.0\",\"runs\":[]}"));
        assertFalse("XML", accepts("<?xml version=\"1.0\"?><NessusClientData_v2/>"));
        assertFalse(accepts(""));
    }

    private boolean accepts(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return importer.accepts(bytes.length > 8192 ? java.util.Arrays.copyOf(bytes, 8192) : bytes);
    }
}
