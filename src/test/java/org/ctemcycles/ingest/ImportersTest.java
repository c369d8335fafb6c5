package org.ctemcycles.ingest;

import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Format detection from content, gzip, and the rejection of hostile, broken and oversized reports. */
public class ImportersTest {

    private static final ImportLimits DEFAULTS = ImportLimits.defaults();

    @Test
    public void everyFixtureIsRecognisedFromItsContent() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sarif/codeql-javascript.sarif", "sarif");
        expected.put("sarif/semgrep.sarif", "sarif");
        expected.put("sarif/results-before-tool.sarif", "sarif");
        expected.put("sarif/empty.sarif", "sarif");
        expected.put("nessus/weekly-dmz.nessus", "nessus");
        expected.put("nessus/empty.nessus", "nessus");
        expected.put("zap/zap-2.16.json", "zap-json");
        expected.put("zap/zap-2.10-legacy.json", "zap-json");
        expected.put("zap/zap-2.16.xml", "zap-xml");
        expected.put("zap/zap-legacy.xml", "zap-xml");
        expected.put("trivy/shop-image.json", "trivy");
        expected.put("trivy/legacy-array.json", "trivy");
        expected.put("trivy/clean-image.json", "trivy");
        expected.put("trivy/results-first.json", "trivy");
        expected.put("nuclei/scan.jsonl", "nuclei");
        expected.put("nuclei/export.json", "nuclei");
        expected.put("cyclonedx/shop-vex-1.5.json", "cyclonedx-json");
        expected.put("cyclonedx/sbom-only-1.5.json", "cyclonedx-json");
        expected.put("cyclonedx/app-1.4.xml", "cyclonedx-xml");
        expected.put("cyclonedx/vex-1.6.xml", "cyclonedx-xml");
        expected.put("csv/generic.csv", "csv");
        expected.put("csv/defectdojo.csv", "csv");
        expected.put("csv/semicolon.csv", "csv");
        for (Map.Entry<String, String> fixture : expected.entrySet()) {
            assertEquals(fixture.getKey(), fixture.getValue(),
                    Importers.standard().detect(head(Reports.bytes(fixture.getKey()))).format());
        }
        for (String nothing : new String[] {"", " \n\t\r\n"}) {
            try {
                Importer guessed = Importers.standard().detect(nothing.getBytes(StandardCharsets.UTF_8));
                fail("nothing is no sign of any format, yet it was taken for " + guessed.format());
            } catch (ImportException e) {
                assertTrue(e.getMessage(), e.getMessage().endsWith("it begins with nothing but whitespace"));
            }
        }
    }

    @Test
    public void hostileXmlIsRecognisedAndThenRejectedByItsImporter() {
        String message = Reports.rejection(Reports.bytes("nessus/xxe.nessus"), DEFAULTS);
        assertTrue(message, message.contains("DOCTYPE"));
    }

    @Test
    public void aGzipCompressedReportReadsLikeThePlainOne() throws Exception {
        byte[] plain = Reports.bytes("trivy/shop-image.json");
        Reports.Read fromGzip = Reports.detect(Reports.gzip(plain), DEFAULTS);
        assertEquals("trivy", fromGzip.format());
        assertEquals(Reports.detect(plain, DEFAULTS).observations(), fromGzip.observations());
    }

    @Test
    public void aTruncatedGzipIsRejected() {
        byte[] gzip = Reports.gzip(Reports.bytes("nessus/weekly-dmz.nessus"));
        String message = Reports.rejection(Arrays.copyOf(gzip, gzip.length / 2), DEFAULTS);
        assertTrue(message, message.contains("truncated") || message.contains("ends too early"));
    }

    @Test
    public void aGzipBombStopsAtTheSizeLimitCountedAfterDecompression() {
        byte[] json = ("{\"version\":\"2.1.0\",\"runs\":[" + " ".repeat(5_000_000) + "]}").getBytes(StandardCharsets.UTF_8);
        byte[] bomb = Reports.gzip(json);
        assertTrue("a small file", bomb.length < 20_000);
        String message = Reports.rejection(bomb, new ImportLimits(1_000_000, 1000, 1000, 64));
        assertTrue(message, message.contains("larger than the limit of 1000000 bytes, counted after decompression"
                + " (--max-bytes raises it)"));

        String xml = Reports.rejection(Reports.gzip(Reports.bytes("nessus/weekly-dmz.nessus")),
                new ImportLimits(5000, 1000, 1 << 20, 64));
        assertEquals("offset 5000: the report is larger than the limit of 5000 bytes, counted after decompression"
                + " (--max-bytes raises it)", xml);
    }

    @Test
    public void binariesArchivesAndOtherFormatsAreRejectedAtOffsetZeroOrWhereTheyBreak() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertEquals("offset 6: binary content (byte 0x1a), not a report in a supported format",
                Reports.rejection(png, DEFAULTS));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertTrue(Reports.rejection(zip, DEFAULTS).startsWith("offset 0: a ZIP archive is not a report"));
        String text = Reports.rejection("Hello, this is a plain letter.\n".getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertTrue(text, text.startsWith("offset 0: not a report in a supported format (ctem-jsonl, cyclonedx-json, "));
        assertTrue(text, text.endsWith("it begins with 'Hello, this is a plain letter.'"));
        String json = Reports.rejection("{\"name\": \"package.json\", \"version\": \"1.0.0\"}".getBytes(), DEFAULTS);
        assertTrue(json, json.startsWith("offset 0: not a report in a supported format"));
    }

    @Test
    public void theObservationLimitNamesWhereItWasReached() {
        String message = Reports.rejection(Reports.bytes("nessus/weekly-dmz.nessus"), new ImportLimits(1 << 30, 2, 1 << 20, 64));
        assertTrue(message, message.matches("line \\d+, column \\d+: the report holds more than the limit of 2"
                + " observations \\(--max-observations raises it\\)"));
        String csv = Reports.rejection(Reports.bytes("csv/generic.csv"), new ImportLimits(1 << 30, 1, 1 << 20, 64));
        assertEquals("line 3: the report holds more than the limit of 1 observations (--max-observations raises it)",
                csv);
    }

    @Test
    public void anOverlongFieldIsRejectedInJsonXmlAndCsv() {
        ImportLimits limits = new ImportLimits(1 << 30, 1000, 100_000, 64);
        String long1 = "x".repeat(200_000);
        String sarif = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":[\n"
                + "{\"ruleId\":\"r\",\"message\":{\"text\":\"" + long1 + "\"}}]}]}";
        assertEquals("line 2, column 100034: a text value is longer than the limit of 100000 characters"
                + " (--max-field-length raises it)", Reports.rejection(sarif.getBytes(StandardCharsets.UTF_8), limits));
        String nessus = "<NessusClientData_v2><Report name=\"r\"><ReportHost name=\"h\"><ReportItem pluginID=\"1\">"
                + "<plugin_output>" + long1 + "</plugin_output></ReportItem></ReportHost></Report></NessusClientData_v2>";
        String xml = Reports.rejection(nessus.getBytes(StandardCharsets.UTF_8), limits);
        assertTrue(xml, xml.matches("line 1, column \\d+: the text of <plugin_output> is longer than the limit of"
                + " 100000 characters \\(--max-field-length raises it\\)"));
        String csv = "rule_id,title,severity\nr1,\"" + long1 + "\",High\n";
        assertEquals("line 2: a field is longer than the limit of 100000 characters (--max-field-length raises it)",
                Reports.rejection(csv.getBytes(StandardCharsets.UTF_8), limits));
    }

    @Test
    public void deepNestingIsRejectedInJsonAndXml() {
        ImportLimits limits = new ImportLimits(1 << 30, 1000, 1 << 20, 64);
        String sarif = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":[{\"ruleId\":"
                + "\"r\",\"properties\":" + "[".repeat(100) + "]".repeat(100) + "}]}]}";
        String json = Reports.rejection(sarif.getBytes(StandardCharsets.UTF_8), limits);
        assertTrue(json, json.matches("line 1, column \\d+: arrays and objects nested deeper than the limit of 64"
                + " levels \\(--max-depth raises it\\)"));
        String nessus = "<NessusClientData_v2><Report name=\"r\"><ReportHost name=\"h\"><ReportItem pluginID=\"1\">"
                + "<a>".repeat(100) + "</a>".repeat(100) + "</ReportItem></ReportHost></Report></NessusClientData_v2>";
        String xml = Reports.rejection(nessus.getBytes(StandardCharsets.UTF_8), limits);
        assertTrue(xml, xml.matches("line 1, column \\d+: elements nested deeper than the limit of 64 levels"
                + " \\(--max-depth raises it\\)"));
    }

    @Test
    public void manyEscapedCharactersInALargeXmlReportAreNotMistakenForEntityExpansion() throws Exception {
        // newer JDKs count &lt; and friends over the whole document against a limit of 100,000 by default
        StringBuilder nessus = new StringBuilder("<NessusClientData_v2><Report name=\"r\"><ReportHost name=\"h\">");
        for (int i = 0; i < 3000; i++) {
            nessus.append("<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"").append(i)
                    .append("\" pluginName=\"p &lt; 2\"><plugin_output>").append("&lt;&gt;&amp;&quot;".repeat(20))
                    .append("</plugin_output></ReportItem>");
        }
        nessus.append("</ReportHost></Report></NessusClientData_v2>");
        Reports.Read read = Reports.detect(nessus.toString().getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertEquals(3000, read.observations().size());
        assertEquals("<>&\"".repeat(20), read.observations().get(2999).evidence());
    }

    @Test
    public void xmlIsReadInTheEncodingItsDeclarationOrByteOrderMarkNames() throws Exception {
        String body = "<NessusClientData_v2><Report name=\"r\"><ReportHost name=\"10.0.0.5\"><ReportItem port=\"0\""
                + " protocol=\"tcp\" severity=\"1\" pluginID=\"7\" pluginName=\"Caf\u00e9 \u00fcber\"/></ReportHost>"
                + "</Report></NessusClientData_v2>";
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Caf\u00e9 \u00fcber", Reports.detect(latin1, DEFAULTS).observations().get(0).title());
        byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body)
                .getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Caf\u00e9 \u00fcber", Reports.detect(utf16, DEFAULTS).observations().get(0).title());
        byte[] utf8 = ("<?xml version=\"1.0\"?>" + body).getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\u00e9 \u00fcber", Reports.detect(utf8, DEFAULTS).observations().get(0).title());
        String unknown = Reports.rejection(("<?xml version=\"1.0\" encoding=\"KLINGON-8\"?>" + body)
                .getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertEquals("line 1: the XML declaration names the encoding 'KLINGON-8', which is not supported", unknown);
    }

    @Test
    public void truncatedJsonIsRejectedWithItsPosition() {
        byte[] trivy = Reports.bytes("trivy/shop-image.json");
        String message = Reports.rejection(Arrays.copyOf(trivy, 2000), DEFAULTS);
        assertTrue(message, message.matches("line \\d+, column \\d+: .*"));
        assertTrue(message, message.contains("truncated") || message.contains("Unterminated")
                || message.contains("ends too early"));
    }

    @Test
    public void utf16WithAByteOrderMarkAsWindowsPowerShellWritesIt() throws Exception {
        byte[] utf8 = Reports.bytes("zap/zap-2.16.json");
        byte[] body = new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[body.length + 2];
        utf16[0] = (byte) 0xFF;
        utf16[1] = (byte) 0xFE;
        System.arraycopy(body, 0, utf16, 2, body.length);
        Reports.Read read = Reports.detect(utf16, DEFAULTS);
        assertEquals("zap-json", read.format());
        assertEquals(Reports.detect(utf8, DEFAULTS).observations(), read.observations());
    }

    @Test
    public void anEmptyOrBlankFileNamesNoFormatButIsAnEmptyRunOfTheFormatNamedForIt() throws Exception {
        assertEquals("offset 0: the file is empty, so its format cannot be told from its content: name it with"
                + " --format (one of ctem-jsonl, cyclonedx-json, cyclonedx-xml, sarif, trivy, zap-json, zap-xml,"
                + " nessus, nuclei, csv)", Reports.rejection(new byte[0], DEFAULTS));
        String blank = Reports.rejection(" \n\n  ".getBytes(StandardCharsets.UTF_8), DEFAULTS);
        assertTrue(blank, blank.startsWith("offset 5: the file holds nothing but whitespace, so its format cannot be"
                + " told from its content: name it with --format"));
        Reports.Read read = Reports.detect(new ByteArrayInputStream(new byte[0]), "nuclei", DEFAULTS);
        assertEquals("nuclei", read.format());
        assertEquals(0, read.observations().size());
        assertTrue(read.complete());
    }

    private static byte[] head(byte[] content) {
        return Arrays.copyOf(content, Math.min(content.length, Importers.HEAD_BYTES));
    }
}
