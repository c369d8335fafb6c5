package org.ctemcycles.ingest.trivy;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.ctemcycles.ingest.Rescans;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The report Trivy wrote before 0.20: a bare array of results, or null; samples and sources in the README. */
public class TrivyLegacyTest {

    private final TrivyImporter importer = new TrivyImporter();

    @Test
    public void theOsResultNamesTheImageOfEveryResult() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/legacy-registry.json");
        assertEquals(4, read.observations().size());
        for (Observation o : read.observations()) {
            assertEquals(new AssetRef(AssetKind.CONTAINER_IMAGE, "localhost:32779/alpine:3.10"), o.asset());
            assertEquals("Trivy", o.tool());
            assertNull(o.deployment());
        }
        Observation libssl = read.only(o -> o.ruleId().equals("CVE-2019-1549") && o.location().equals("libssl1.1"));
        assertEquals("nvd's first (its v2 vector), then redhat's",
                List.of("AV:N/AC:L/Au:N/C:P/I:N/A:N", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"),
                libssl.cvssVectors());
        assertEquals("libssl1.1 1.1.1c-r0 installed; fixed in 1.1.1d-r0", libssl.evidence());

        List<String> identities = Rescans.identities(read);
        assertEquals("one CVE in two packages of one image is one finding", 2,
                identities.stream().distinct().count());
    }

    @Test
    public void theSameScanInSchemaVersionTwoHasTheSameIdentities() throws Exception {
        // what Trivy 0.20 (#1265) changed: the array became the Results of an object naming the artifact
        String legacy = new String(Reports.bytes("trivy/legacy-registry.json"), StandardCharsets.UTF_8);
        String v2 = "{\"SchemaVersion\": 2, \"ArtifactName\": \"localhost:32779/alpine:3.10\","
                + " \"ArtifactType\": \"container_image\", \"Results\": " + legacy + "}";
        assertEquals(Rescans.identities(Reports.read(importer, "trivy/legacy-registry.json")),
                Rescans.identities(importer, v2.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void aSecondScanWithNewTextAndVersionsHasTheSameIdentities() throws Exception {
        byte[] first = Reports.bytes("trivy/legacy-registry.json");
        byte[] second = Rescans.edited(first,
                "localhost:32779/alpine:3.10 (alpine 3.10.2)", "localhost:32779/alpine:3.10.3 (alpine 3.10.3)",
                "\"InstalledVersion\": \"1.1.1c-r0\"", "\"InstalledVersion\": \"1.1.1d-r0\"",
                "openssl: information disclosure in fork()", "openssl: fork() may share the RNG state",
                "\"LastModifiedDate\": \"2019-09-19T17:15:00Z\"", "\"LastModifiedDate\": \"2023-11-07T03:09:00Z\"",
                "\"Severity\": \"MEDIUM\"", "\"Severity\": \"LOW\"");
        assertEquals(Rescans.identities(importer, first),
                Rescans.identities(importer, second));
        byte[] otherImage = Rescans.edited(first, "localhost:32779/alpine:3.10 (", "localhost:32779/busybox:1 (");
        assertNotEquals(Rescans.identities(importer, first),
                Rescans.identities(importer, otherImage));
    }

    @Test
    public void nullAndAnImageWithoutVulnerabilitiesAreZeroObservations() throws Exception {
        for (String sample : List.of("trivy/legacy-null.json", "trivy/legacy-clean.json")) {
            Reports.Read read = Reports.detect(sample);
            assertEquals(sample, "trivy", read.format());
            assertEquals(sample, 0, read.observations().size());
            assertEquals(sample, List.of(), read.warnings());
        }
        assertEquals("trivy", Reports.detect("trivy/legacy-registry.json").format());
    }

    @Test
    public void nullFollowedByAnythingIsNotAReport() {
        String message = Reports.rejection(importer, "null null".getBytes(StandardCharsets.UTF_8),
                ImportLimits.defaults());
        assertTrue(message, message.startsWith("line 1, column 7: "));
    }
}
