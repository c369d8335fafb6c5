package org.ctemcycles.ingest.cyclonedx;

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

public class CycloneDxImporterTest {

    @Test
    public void vulnerabilitiesWithVexAnalysisBecomeOneObservationPerAffectedComponent() throws Exception {
        Reports.Read read = Reports.read(new CycloneDxJsonImporter(), "cyclonedx/shop-vex-1.5.json");
        assertEquals(4, read.observations().size());

        Observation log4shell = read.rule("CVE-2021-44228");
        assertEquals(SourceKind.CODE_SCAN, log4shell.sourceKind());
        assertEquals("the producing tool (CycloneDX 1.5 tools.components)", "trivy", log4shell.tool());
        assertEquals("0.57.1", log4shell.toolVersion());
        assertEquals(new AssetRef(AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.4"), log4shell.asset());
        assertEquals("the affected component without its version",
                "pkg:maven/org.apache.logging.log4j/log4j-core", log4shell.location());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", log4shell.attributes().get("component"));
        assertEquals(ObservedSeverity.CRITICAL, log4shell.severity());
        assertEquals(List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "AV:N/AC:M/Au:N/C:C/I:C/A:C"),
                log4shell.cvssVectors());
        assertEquals(List.of("CWE-20", "CWE-400", "CWE-502", "CWE-917"), log4shell.cwes());
        assertEquals(List.of("CVE-2021-44228"), log4shell.cves());
        assertEquals(new VexAnalysis("not_affected", "protected_by_mitigating_control", "workaround_available,update",
                "JndiLookup class removed from the classpath; WAF rule 9201 blocks ${jndi:"), log4shell.vex());
        assertEquals("2.14.1:affected", log4shell.attributes().get("affects.status"));

        List<Observation> openssl = read.observations().stream().filter(o -> o.ruleId().equals("CVE-2024-2511"))
                .toList();
        assertEquals(List.of("pkg:apk/alpine/libssl3", "libcrypto3"),
                openssl.stream().map(Observation::location).toList());
        assertEquals("the CVSS rating is preferred to the distribution's", ObservedSeverity.HIGH,
                openssl.get(0).severity());
        assertEquals("in_triage", openssl.get(0).vex().state());

        Observation unknown = read.rule("GHSA-xxxx-yyyy-zzzz");
        assertEquals(ObservedSeverity.UNKNOWN, unknown.severity());
        assertEquals("an unresolved bom-ref stays as written", "urn:cdx:unknown-ref", unknown.location());
    }

    @Test
    public void xml14BomsReadTheirToolSubjectAndAnalysis() throws Exception {
        Observation lodash = Reports.read(new CycloneDxXmlImporter(), "cyclonedx/app-1.4.xml").rule("CVE-2021-23337");
        assertEquals("Dependency-Track", lodash.tool());
        assertEquals("4.12.2", lodash.toolVersion());
        assertEquals(new AssetRef(AssetKind.PACKAGE, "acme-billing@3.2.0"), lodash.asset());
        assertEquals("pkg:npm/lodash", lodash.location());
        assertEquals("the method names the version of a vector written without its prefix",
                List.of("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), lodash.cvssVectors());
        assertEquals(ObservedSeverity.HIGH, lodash.severity());
        assertEquals(List.of("CWE-94"), lodash.cwes());
        assertEquals(new VexAnalysis("exploitable", null, "update", "template() is reachable from the invoice renderer."),
                lodash.vex());
    }

    @Test
    public void xml16VexWithoutSubjectUsesTheAffectedComponentAsTheAsset() throws Exception {
        Observation spring = Reports.read(new CycloneDxXmlImporter(), "cyclonedx/vex-1.6.xml").rule("CVE-2022-22965");
        assertEquals("cdxgen", spring.tool());
        assertEquals(new AssetRef(AssetKind.PACKAGE, "pkg:maven/org.springframework/spring-beans@5.3.17"),
                spring.asset());
        assertEquals("CVSSv4 is the preferred rating", "critical", spring.reportedSeverity());
        assertEquals(new VexAnalysis("not_affected", "requires_environment", null,
                "Runs on Tomcat-less Spring Boot with JDK 8."), spring.vex());
    }

    @Test
    public void aBomWithoutVulnerabilitiesIsZeroObservations() throws Exception {
        assertEquals(0, Reports.read(new CycloneDxJsonImporter(), "cyclonedx/sbom-only-1.5.json").observations().size());
    }
}
