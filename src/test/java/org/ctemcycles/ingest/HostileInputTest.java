package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.csv.CsvImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxJsonImporter;
import org.ctemcycles.ingest.cyclonedx.CycloneDxXmlImporter;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.ctemcycles.ingest.nessus.NessusImporter;
import org.ctemcycles.ingest.sarif.SarifImporter;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Every limit holds everywhere: XML attributes and names, the text and values of one JSON record, the fields of a CSV
 * row, nesting deeper than a recursion would survive, and feeds that decompress into gigabytes. The hostile inputs are
 * generated while they are read (hundreds of megabytes to gigabytes that are never held, nor committed); each must be
 * refused early, with a message naming the limit, the place and the option that raises it, never an
 * OutOfMemoryError or a StackOverflowError.
 */
public class HostileInputTest {

    private static final ImportLimits DEFAULTS = ImportLimits.defaults();

    /** A stream of {@code prefix}, {@code unit} {@code times} times, then {@code suffix}, made as it is read. */
    public static InputStream generated(String prefix, String unit, long times, String suffix) {
        byte[] repeated = unit.getBytes(StandardCharsets.UTF_8);
        InputStream middle = new InputStream() {
            private long at;
            private final long end = repeated.length * times;

            @Override
            public int read() {
                return at < end ? repeated[(int) (at++ % repeated.length)] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at >= end) {
                    return -1;
                }
                int n = (int) Math.min(length, end - at);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = repeated[(int) (at++ % repeated.length)];
                }
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), middle,
                new ByteArrayInputStream(suffix.getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * A gzip file of {@code head}, then {@code members} copies of one gzip member of a mebibyte of {@code filler}:
     * gzip readers read concatenated members as one stream, so a few megabytes on disk expand to
     * {@code members} MiB.
     */
    public static byte[] gzipBomb(String head, char filler, int members) {
        byte[] first = Reports.gzip(head.getBytes(StandardCharsets.UTF_8));
        byte[] member = Reports.gzip(String.valueOf(filler).repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + member.length * members);
        out.writeBytes(first);
        for (int i = 0; i < members; i++) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }

    private static String rejection(Importer importer, InputStream content, ImportLimits limits) {
        return Reports.rejection(importer, content, limits);
    }

    private static List<Observation> accepted(Importer importer, InputStream content, ImportLimits limits)
            throws ImportException {
        return Reports.read(importer, content, limits).observations();
    }

    private static final String NESSUS_HOST = "<NessusClientData_v2><Report name=\"r\"><ReportHost name=\"10.0.0.5\">";
    private static final String NESSUS_END = "</ReportHost></Report></NessusClientData_v2>";

    @Test
    public void aNessusPluginNameOf200MegabytesNeverBecomesATitle() {
        String message = rejection(new NessusImporter(), generated(NESSUS_HOST
                + "<ReportItem port=\"443\" protocol=\"tcp\" severity=\"3\" pluginID=\"1\" pluginName=\"", "A",
                200L << 20, "\"></ReportItem>" + NESSUS_END), DEFAULTS);
        assertEquals("line 1, column 1048719: an attribute value in <ReportItem> is longer than the limit of 1048576"
                + " characters (--max-field-length raises it)", message);
    }

    @Test
    public void xmlNamesAreBoundedByTheFieldLengthToo() {
        ImportLimits small = new ImportLimits(1 << 30, 1000, 5000, 64);
        String element = rejection(new NessusImporter(), generated(NESSUS_HOST
                + "<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\"><x", "y", 1 << 20,
                "/></ReportItem>" + NESSUS_END), small);
        assertTrue(element, element.matches("line 1, column \\d+: an element name is longer than the limit of 5000"
                + " characters \\(--max-field-length raises it\\)"));
        String attribute = rejection(new NessusImporter(), generated(NESSUS_HOST
                + "<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\" ", "n", 1 << 20,
                "=\"v\"></ReportItem>" + NESSUS_END), small);
        assertTrue(attribute, attribute.matches("line 1, column \\d+: an attribute name in <ReportItem> is longer than"
                + " the limit of 5000 characters \\(--max-field-length raises it\\)"));
        // within the limit, a name longer than the JDK's own bound of 1,000 characters is read
        String nessus = NESSUS_HOST + "<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\""
                + " pluginName=\"p\"><" + "z".repeat(3000) + ">text</" + "z".repeat(3000) + "></ReportItem>"
                + NESSUS_END;
        try {
            assertEquals(1, accepted(new NessusImporter(), new ByteArrayInputStream(
                    nessus.getBytes(StandardCharsets.UTF_8)), small).size());
        } catch (ImportException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    public void theXmlGuardFollowsCommentsCdataReferencesAndQuotedMarkup() throws Exception {
        ImportLimits small = new ImportLimits(1 << 30, 1000, 40, 64);
        String item = "<?xml version=\"1.0\"?>\n<!-- <c> > < -->\n"
                + NESSUS_HOST + "<?pi some > thing?><ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\""
                + " pluginID=\"7\" pluginName='a &gt; b &amp;&amp; c &lt; d &quot;e&quot; &#x26; f &#38;&#38; g'>"
                + "<plugin_output><![CDATA[<fake attr=\"x\"> ]] ]]]]></plugin_output></ReportItem>" + NESSUS_END;
        Observation read = accepted(new NessusImporter(), new ByteArrayInputStream(item.getBytes(
                StandardCharsets.UTF_8)), small).get(0);
        assertEquals("a reference counts as one character: 71 written, 29 counted, within a limit of 40",
                "a > b && c < d \"e\" & f && g", read.title());
        assertEquals("<fake attr=\"x\"> ]] ]]", read.evidence());

        String comment = rejection(new NessusImporter(), generated("<!--", "c", 1 << 20, "-->" + NESSUS_END),
                small);
        assertEquals("line 1, column 45: a comment is longer than the limit of 40 characters (--max-field-length"
                + " raises it)", comment);
        String cdata = rejection(new NessusImporter(), generated(NESSUS_HOST + "<ReportItem pluginID=\"1\">"
                + "<plugin_output><![CDATA[", "]", 1 << 20, "]]></plugin_output></ReportItem>" + NESSUS_END), small);
        assertTrue(cdata, cdata.matches("line 1, column \\d+: the text of <plugin_output> is longer than the limit"
                + " of 40 characters \\(--max-field-length raises it\\)"));
    }

    @Test
    public void aTextOf200MegabytesIsRefusedBeforeTheXmlParserHoldsIt() {
        String message = rejection(new NessusImporter(), generated(NESSUS_HOST
                + "<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\"><plugin_output>", "&lt;",
                50L << 20, "</plugin_output></ReportItem>" + NESSUS_END), new ImportLimits(1 << 30, 1000, 100_000, 64));
        assertTrue(message, message.matches("line 1, column \\d+: the text of <plugin_output> is longer than the"
                + " limit of 100000 characters \\(--max-field-length raises it\\)"));
    }

    @Test
    public void oneSarifResultOf600StringsOfAMebibyteEachIsRefusedAtTheRecordsBudget() {
        String mebibyte = "x".repeat((1 << 20) - 2);
        String message = rejection(new SarifImporter(), generated("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":"
                        + "{\"driver\":{\"name\":\"t\"}},\"results\":[{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"},"
                        + "\"properties\":{\"big\":[\"" + mebibyte + "\"", ",\"" + mebibyte + "\"", 599,
                "]}}]}]}"), DEFAULTS);
        assertTrue(message, message.matches("line 1, column \\d+: one record holds more than the limit of 8388608"
                + " characters of text \\(8 fields' worth; --max-field-length raises it\\) at \\$\\.runs\\[0\\]"
                + "\\.results\\[0\\]\\.properties\\.big\\[\\d+\\]"));
    }

    @Test
    public void oneJsonRecordOfTooManyValuesIsRefused() {
        String message = rejection(new SarifImporter(), generated("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":"
                + "{\"driver\":{\"name\":\"t\"}},\"results\":[{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"},"
                + "\"properties\":{\"many\":[0", ",0", 10_000_000, "]}}]}]}"), DEFAULTS);
        assertTrue(message, message.matches("line 1, column \\d+: one record holds more than the limit of 200000"
                + " values \\(--max-record-values raises it\\) at .*"));
    }

    @Test
    public void aCsvRowOfAHundredMillionFieldsIsRefused() {
        String message = rejection(new CsvImporter(), generated("rule_id,title,severity\nr1,t,high", ",", 100_000_000,
                "\n"), DEFAULTS);
        assertEquals("line 2: a row holds more than the limit of 200000 fields (--max-record-values raises it)",
                message);
        String text = rejection(new CsvImporter(), generated("rule_id,title,severity\nr1,t,high",
                ",\"" + "y".repeat(900) + "\"", 1000, "\n"), new ImportLimits(1 << 30, 1000, 1000, 64));
        assertEquals("line 2: a row holds more than the limit of 8000 characters of text (8 fields' worth;"
                + " --max-field-length raises it)", text);
    }

    @Test
    public void anyAcceptedDepthIsReadWithoutRecursionAndDeeperIsRefused() throws Exception {
        ImportLimits deep = new ImportLimits(1 << 30, 1000, 1 << 20, 200_000);
        int levels = 30_000;
        String sarifHead = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":"
                + "[{\"ruleId\":\"r\",\"message\":{\"text\":\"m\"},\"properties\":{\"deep\":";
        List<Observation> sarif = accepted(new SarifImporter(), new SequenceInputStream(
                generated(sarifHead, "[", levels, ""), generated("", "]", levels, "}}]}]}")), deep);
        assertEquals(1, sarif.size());

        String item = NESSUS_HOST + "<ReportItem port=\"0\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\""
                + " pluginName=\"p\"><plugin_output>";
        List<Observation> nessus = accepted(new NessusImporter(), new SequenceInputStream(
                generated(item, "<a>", levels, "deep"), generated("", "</a>", levels,
                        "</plugin_output></ReportItem>" + NESSUS_END)), deep);
        assertEquals("deep", nessus.get(0).evidence());

        // CycloneDX components nest: registered with a stack, however deep
        int components = levels / 3;
        assertEquals(0, accepted(new CycloneDxJsonImporter(), new SequenceInputStream(generated(
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[",
                "{\"bom-ref\":\"c\",\"name\":\"n\",\"components\":[", components, ""),
                generated("", "]}", components, "]}")), deep).size());
        assertEquals(0, accepted(new CycloneDxXmlImporter(), new SequenceInputStream(generated(
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components>",
                "<component type=\"library\" bom-ref=\"c\"><name>n</name><components>", components, ""),
                generated("", "</components></component>", components, "</components></bom>")), deep).size());

        ImportLimits shallow = new ImportLimits(1 << 30, 1000, 1 << 20, 5000);
        String json = rejection(new SarifImporter(), new SequenceInputStream(generated(sarifHead, "[", 6000, ""),
                generated("", "]", 6000, "}}]}]}")), shallow);
        assertTrue(json, json.matches("line 1, column \\d+: arrays and objects nested deeper than the limit of 5000"
                + " levels \\(--max-depth raises it\\)"));
        String xml = rejection(new NessusImporter(), new SequenceInputStream(generated(item, "<a>", 6000, ""),
                generated("", "</a>", 6000, "</plugin_output></ReportItem>" + NESSUS_END)), shallow);
        assertTrue(xml, xml.matches("line 1, column \\d+: elements nested deeper than the limit of 5000 levels"
                + " \\(--max-depth raises it\\)"));
    }

    @Test
    public void anEpssFeedOfAFewMegabytesThatExpandsToGigabytesIsRefused() throws Exception {
        byte[] bomb = gzipBomb("#model_version:v2025.03.14,score_date:2025-08-31T12:55:00Z\ncve,epss,percentile\n",
                '9', 4096);
        assertTrue("a few megabytes on disk: " + bomb.length, bomb.length < 8 << 20);
        try {
            new EpssCsvReader().read(new ByteArrayInputStream(bomb), "epss.csv.gz", Instant.EPOCH);
            fail("accepted");
        } catch (ImportException e) {
            assertEquals("line 3: longer than 512 characters, which no line of an EPSS feed is", e.getMessage());
        }
    }

    @Test
    public void anEpssFeedLargerThanTheByteLimitIsRefusedAtTheLimit() {
        InputStream rows = generated("#model_version:v2025.03.14,score_date:2025-08-31T12:55:00Z\ncve,epss,"
                + "percentile\n", "CVE-2021-44228,0.94358,0.99957\n", 10_000_000, "");
        try {
            new EpssCsvReader(new ImportLimits(1 << 20, 1000, 1000, 64)).read(rows, "epss.csv", Instant.EPOCH);
            fail("accepted");
        } catch (ImportException e) {
            assertEquals("offset 1048576: the EPSS feed is larger than the limit of 1048576 bytes, counted after"
                    + " decompression (--max-bytes raises it)", e.getMessage());
        }
    }

    @Test
    public void aKevCatalogueThatExpandsToGigabytesIsRefusedInBothForms() {
        byte[] json = gzipBomb("{\"title\":\"", 'K', 4096);
        try {
            new KevJsonReader().read(new ByteArrayInputStream(json), "kev.json.gz", Instant.EPOCH);
            fail("accepted");
        } catch (ImportException e) {
            assertEquals("line 1, column 1048587: a text value is longer than the limit of 1048576 characters"
                    + " (--max-field-length raises it)", e.getMessage());
        }
        byte[] csv = gzipBomb("cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,"
                + "requiredAction,dueDate\n", ',', 4096);
        try {
            new KevCsvReader().read(new ByteArrayInputStream(csv), "kev.csv.gz", Instant.EPOCH);
            fail("accepted");
        } catch (ImportException e) {
            assertEquals("line 2: a row holds more than the limit of 200000 fields (--max-record-values raises it)",
                    e.getMessage());
        }
    }
}
