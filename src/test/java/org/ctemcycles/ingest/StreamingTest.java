package org.ctemcycles.ingest;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.ingest.nessus.NessusImporter;
import org.ctemcycles.ingest.sarif.SarifImporter;
import org.ctemcycles.ingest.trivy.TrivyImporter;
import org.ctemcycles.ingest.zap.ZapJsonImporter;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The importers stream: each observation reaches the sink as soon as its record is read, long before the end of the
 * report. Proved with a report whose stream breaks after its first records: they must already have been handed on.
 */
public class StreamingTest {

    private static void assertStreams(Importer importer, String resource, String cutBefore, int expectedBefore) {
        byte[] report = Reports.bytes(resource);
        String text = new String(report, java.nio.charset.StandardCharsets.UTF_8);
        int cut = text.indexOf(cutBefore);
        assertTrue(cutBefore, cut > 0);
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(report, 0, cut), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the connection broke");
            }
        });
        List<Observation> received = new ArrayList<>();
        try {
            importer.read(breaking, ImportLimits.defaults(), new ObservationSink() {
                @Override
                public void observation(Observation observation) {
                    received.add(observation);
                }

                @Override
                public void warning(String message) {
                }
            });
            fail("a broken stream must fail the import");
        } catch (ImportException e) {
            assertEquals(resource + " handed on what it had read", expectedBefore, received.size());
        }
    }

    @Test
    public void observationsAreHandedOnBeforeTheReportEnds() {
        assertStreams(new TrivyImporter(), "trivy/shop-image.json", "\"VulnerabilityID\": \"CVE-2024-0727\"", 2);
        assertStreams(new TrivyImporter(), "trivy/k8s-resources.json", "\"Name\": \"deploy2\"", 1);
        assertStreams(new TrivyImporter(), "trivy/legacy-registry.json", "\"VulnerabilityID\": \"CVE-2019-1551\"", 1);
        assertStreams(new SarifImporter(), "sarif/codeql-javascript.sarif", "\"ruleId\" : \"js/unused-local-variable\"", 2);
        assertStreams(new NessusImporter(), "nessus/weekly-dmz.nessus", "<ReportHost name=\"web01.corp.example\">", 3);
        assertStreams(new ZapJsonImporter(), "zap/zap-2.16.json", "\"pluginid\": \"10096\"", 3);
    }
}
