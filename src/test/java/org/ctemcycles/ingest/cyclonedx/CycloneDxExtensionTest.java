package org.ctemcycles.ingest.cyclonedx;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
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
import static org.junit.Assert.assertTrue;

/**
 * CycloneDX 1.0-1.3 BOMs with the vulnerability extension inside their components (Grype, KICS); samples and their
 * sources in the resources' README.
 */
public class CycloneDxExtensionTest {

    private final CycloneDxXmlImporter importer = new CycloneDxXmlImporter();

    @Test
    public void grypeVulnerabilitiesAreReadFromTheComponentsTheyAreIn() throws Exception {
        Reports.Read read = Reports.read(importer, "cyclonedx/grype-0.33.1-scan1.xml");
        assertEquals(3, read.observations().size());
        assertEquals("no warning: the extension is how 1.2 carries vulnerabilities", List.of(), read.warnings());

        Observation dos = read.rule("CVE-2022-21698");
        assertEquals(SourceKind.CODE_SCAN, dos.sourceKind());
        assertEquals("grype", dos.tool());
        assertEquals("0.33.1", dos.toolVersion());
        assertEquals(new AssetRef(AssetKind.CONTAINER_IMAGE, "dev.registry.tanzu.vmware.com/supply-chain-security-tools/"
                + "insight-metadata-store-bundle@sha256:a4f6c39b17f2ba68366c6d4e139ed18ede2ad9f3f9d5bf7477bdcbef73b43e54"),
                dos.asset());
        assertEquals("the enclosing component, without its version", "github.com/prometheus/client_golang",
                dos.location());
        assertEquals("github.com/prometheus/client_golang@v1.7.1", dos.attributes().get("component"));
        assertEquals(List.of("CVE-2022-21698"), dos.cves());
        assertEquals("the CVSSv3 rating is preferred, its base score banded", ObservedSeverity.HIGH, dos.severity());
        assertEquals("7.5", dos.reportedSeverity());
        assertEquals(List.of("AV:N/AC:L/Au:N/C:N/I:N/A:P", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
                dos.cvssVectors());
        assertTrue(dos.title(), dos.title().startsWith("CVE-2022-21698: client_golang is the instrumentation"));
        assertEquals("nvd", dos.attributes().get("source"));
        assertEquals("urn:uuid:0df14134-aa04-46f5-a999-e85994540ac3", dos.attributes().get("affects.ref"));
        assertTrue(dos.attributes().get("advisories").contains("GHSA-cg3q-j54f-5p7p"));

        assertEquals(List.of("google.golang.org/protobuf", "google.golang.org/protobuf"), read.observations().stream()
                .filter(o -> o.ruleId().startsWith("CVE-20") && !o.ruleId().equals("CVE-2022-21698"))
                .map(Observation::location).toList());
        assertEquals(ObservedSeverity.HIGH, read.rule("CVE-2015-5237").severity());
    }

    @Test
    public void twoGrypeScansOfOneImageHaveTheSameIdentities() throws Exception {
        List<String> first = Rescans.identities(Reports.read(importer, "cyclonedx/grype-0.33.1-scan1.xml"));
        List<String> second = Rescans.identities(Reports.read(importer, "cyclonedx/grype-0.33.1-scan2.xml"));
        assertEquals("new serial number, timestamp and refs", first, second);
        assertEquals(3, first.stream().distinct().count());

        byte[] upgraded = Rescans.edited(Reports.bytes("cyclonedx/grype-0.33.1-scan2.xml"),
                "<version>0.33.1</version>", "<version>0.34.7</version>",
                "<version>v1.7.1</version>", "<version>v1.10.0</version>",
                "protobuf allows remote authenticated attackers", "protobuf lets remote authenticated attackers",
                "<v:severity>High</v:severity>", "<v:severity>Medium</v:severity>");
        assertEquals("a new tool version, package version, text and severity",
                first, Rescans.identities(importer, upgraded));
    }

    @Test
    public void grypesOwnSnapshotIsReadWithItsBrokenVectorsLeftOut() throws Exception {
        Reports.Read read = Reports.read(importer, "cyclonedx/grype-snapshot-1.2.xml");
        assertEquals(2, read.observations().size());
        Observation first = read.rule("CVE-1999-0001");
        assertEquals("a digest given as the version makes a digest reference", new AssetRef(AssetKind.CONTAINER_IMAGE,
                "user-input@sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5"), first.asset());
        assertEquals("package-1", first.location());
        assertEquals("the CVSSv3 score 4 outranks the bare Low", ObservedSeverity.MEDIUM, first.severity());
        assertEquals(List.of(), first.cvssVectors());
        assertEquals(ObservedSeverity.LOW, read.rule("CVE-1999-0002").severity());
        assertTrue(read.allWarnings(), read.allWarnings().contains("CVE-1999-0001: the CVSS vector"));
    }

    @Test
    public void kicsQueriesAreRulesOnTheFilesTheyMatchWhateverTheFilesContent() throws Exception {
        Reports.Read read = Reports.read(importer, "cyclonedx/kics-1.3.xml");
        Observation tags = read.rule("e38a8e0a-b88b-4902-b3fe-b0fcb17d5c10");
        assertEquals("KICS", tags.tool());
        assertEquals("no subject: the affected component is the asset",
                new AssetRef(AssetKind.PACKAGE, "pkg:generic/assets/queries/terraform/aws/guardduty_detector_disabled/"
                        + "test/negative.tf@0.0.0-68b4caecf5d5"), tags.asset());
        assertEquals("pkg:generic/assets/queries/terraform/aws/guardduty_detector_disabled/test/negative.tf",
                tags.location());
        assertEquals(ObservedSeverity.INFO, tags.severity());
        assertEquals("KICS", tags.attributes().get("source"));
        assertTrue(tags.attributes().get("recommendation").startsWith("In line 1, a result was found."));
        assertEquals(FindingIdentity.Kind.RULE, Rescans.identity(tags).kind());

        byte[] edited = Rescans.edited(Reports.bytes("cyclonedx/kics-1.3.xml"), "68b4caecf5d5", "0c1f2e3d4b5a",
                "In line 1, a result was found.", "In line 3, a result was found.");
        assertEquals("an edit elsewhere in the file changes its version (a content hash), not the finding",
                Rescans.identities(read), Rescans.identities(importer, edited));
        byte[] otherFile = Rescans.edited(Reports.bytes("cyclonedx/kics-1.3.xml"), "test/negative.tf", "test/other.tf");
        assertNotEquals(Rescans.identities(read),
                Rescans.identities(importer, otherFile));
    }

    @Test
    public void kicsInA15BomKeepsItsCwe() throws Exception {
        Reports.Read read = Reports.read(importer, "cyclonedx/kics-1.5.xml");
        assertEquals(2, read.observations().size());
        Observation alb = read.observations().get(0);
        assertEquals(List.of("CWE-22"), alb.cwes());
        assertEquals(ObservedSeverity.HIGH, alb.severity());
        assertEquals("the line is only in the free-text recommendation: one finding", 1,
                Rescans.identities(read).stream().distinct().count());
    }

    @Test
    public void aBomBeforeOnePointFourSaysItHoldsNoVulnerabilitiesUnlessItDeclaresTheExtension() throws Exception {
        String bom = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\" version=\"1\">"
                + "<components><component type=\"library\"><name>a</name><version>1</version></component>"
                + "</components></bom>";
        Reports.Read read = Reports.read(importer, bom.getBytes(StandardCharsets.UTF_8), ImportLimits.defaults());
        assertEquals(0, read.observations().size());
        assertTrue(read.allWarnings(), read.allWarnings().contains("vulnerabilities were not part of the BOM before"
                + " 1.4, and this one does not declare the vulnerability extension"));

        String clean = bom.replace("version=\"1\">", "version=\"1\" xmlns:v=\"" + CycloneDxMapping.EXTENSION + "\">");
        Reports.Read cleanScan = Reports.read(importer, clean.getBytes(StandardCharsets.UTF_8), ImportLimits.defaults());
        assertEquals("a clean scan: the extension declared, nothing in it", List.of(), cleanScan.warnings());
    }

    @Test
    public void detectionPicksCycloneDxXml() throws Exception {
        for (String sample : List.of("cyclonedx/grype-0.33.1-scan1.xml", "cyclonedx/grype-snapshot-1.2.xml",
                "cyclonedx/kics-1.3.xml", "cyclonedx/kics-1.5.xml")) {
            assertEquals(sample, "cyclonedx-xml", Reports.detect(sample).format());
        }
    }
}
