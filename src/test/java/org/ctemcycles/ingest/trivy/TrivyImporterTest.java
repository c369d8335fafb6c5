package org.ctemcycles.ingest.trivy;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.finding.VexAnalysis;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Reports;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class TrivyImporterTest {

    private final TrivyImporter importer = new TrivyImporter();

    @Test
    public void vulnerabilitiesKeepTheirCvssVectorsPerSource() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/shop-image.json");
        assertEquals(6, read.observations().size());

        Observation ssl = read.rule("CVE-2024-2511");
        assertEquals(SourceKind.CODE_SCAN, ssl.sourceKind());
        assertEquals("Trivy", ssl.tool());
        assertEquals("0.57.1", ssl.toolVersion());
        assertEquals(new AssetRef(AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.4"), ssl.asset());
        assertEquals("an OS package's place is the package: the Target repeats the image tag and OS version",
                "libssl3", ssl.location());
        assertEquals(ObservedSeverity.MEDIUM, ssl.severity());
        assertEquals("MEDIUM", ssl.reportedSeverity());
        assertEquals(List.of("CVE-2024-2511"), ssl.cves());
        assertEquals(List.of("CWE-1325"), ssl.cwes());
        assertEquals("the severity source first", List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L"), ssl.cvssVectors());
        assertEquals("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L", ssl.attributes().get("cvss.redhat.v3"));
        assertEquals("7.5", ssl.attributes().get("cvss.nvd.v3Score"));
        assertEquals("libssl3 3.1.4-r5 installed; fixed in 3.1.4-r6", ssl.evidence());
        assertEquals("3.1.4-r6", ssl.attributes().get("fixedVersion"));
        assertEquals("fixed", ssl.attributes().get("status"));
        assertEquals("pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=3.19.1", ssl.attributes().get("purl"));
        assertNull(ssl.vex());

        assertEquals(List.of("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "AV:L/AC:L/Au:N/C:P/I:P/A:P"),
                read.rule("CVE-2023-42363").cvssVectors());

        Observation notAffected = read.rule("CVE-2024-0727");
        assertEquals(new VexAnalysis("not_affected", null, null, null), notAffected.vex());
        assertEquals("the invalid nvd vector is left out",
                List.of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N"), notAffected.cvssVectors());
        assertTrue(read.allWarnings(), read.allWarnings().contains("CVE-2024-0727: the CVSS vector"));

        Observation npm = read.rule("GHSA-9wv6-86v2-598j");
        assertEquals("the CVE alias among the vendor ids", List.of("CVE-2024-45296"), npm.cves());
        assertEquals("app/package-lock.json path-to-regexp (app/node_modules/path-to-regexp/package.json)",
                npm.location());
        assertEquals(ObservedSeverity.HIGH, npm.severity());
    }

    @Test
    public void failedMisconfigurationsAndSecretsAreObservationsButPassesAndLicencesAreNot() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/shop-image.json");
        Observation root = read.rule("AVD-DS-0002");
        assertEquals(SourceKind.CONFIGURATION_REVIEW, root.sourceKind());
        assertEquals("Image user should not be 'root'", root.title());
        assertEquals(ObservedSeverity.HIGH, root.severity());
        assertEquals("Dockerfile", root.location());
        assertEquals("Specify at least 1 USER command in Dockerfile with non-root user as argument", root.evidence());
        assertEquals("DS002", root.attributes().get("checkId"));

        Observation secret = read.rule("aws-access-key-id");
        assertEquals(ObservedSeverity.CRITICAL, secret.severity());
        assertEquals("/app/config/.env:3", secret.location());
        assertEquals("AWS_ACCESS_KEY_ID=********************", secret.evidence());

        assertTrue(read.allWarnings(), read.allWarnings().contains("skipped 1 misconfiguration checks with status PASS"));
        assertTrue(read.allWarnings(), read.allWarnings().contains("skipped 1 license results"));
    }

    @Test
    public void theOldBareArrayAndReportsWithTheArtifactLastAreRead() throws Exception {
        Observation curl = Reports.read(importer, "trivy/legacy-array.json").rule("CVE-2018-16840");
        assertEquals("the OS result's Target names the image",
                new AssetRef(AssetKind.CONTAINER_IMAGE, "trivy-ci-test"), curl.asset());
        assertEquals("curl", curl.location());
        assertEquals(ObservedSeverity.HIGH, curl.severity());

        Observation ssh = Reports.read(importer, "trivy/results-first.json").rule("CVE-2024-6387");
        assertEquals("the artifact named after the results still names the asset",
                new AssetRef(AssetKind.HOST, "web-vm"), ssh.asset());
    }

    @Test
    public void aCleanImageIsZeroObservations() throws Exception {
        Reports.Read read = Reports.read(importer, "trivy/clean-image.json");
        assertEquals(0, read.observations().size());
        assertEquals(0, read.warnings().size());
    }
}
