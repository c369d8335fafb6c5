package org.ctemcycles.ingest.nessus;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.core.scoring.cvss.CvssVector;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class NessusImporterTest {

    private final NessusImporter importer = new NessusImporter();

    @Test
    public void reportItemsBecomeObservationsPerHostPluginAndPort() throws Exception {
        Reports.Read read = Reports.read(importer, "nessus/weekly-dmz.nessus");
        assertEquals(4, read.observations().size());

        Observation log4j = read.rule("156032");
        assertEquals(SourceKind.EXTERNAL_SCAN, log4j.sourceKind());
        assertEquals("Nessus", log4j.tool());
        assertEquals("Apache Log4j < 2.15.0 Remote Code Execution (Nix)", log4j.title());
        assertEquals(new AssetRef(AssetKind.IP_ADDRESS, "10.0.0.10"), log4j.asset());
        assertEquals("443/tcp", log4j.location());
        assertEquals(ObservedSeverity.CRITICAL, log4j.severity());
        assertEquals("Critical", log4j.reportedSeverity());
        assertEquals(List.of("CVE-2021-44228", "CVE-2021-45046"), log4j.cves());
        assertEquals(List.of("CWE-502"), log4j.cwes());
        assertEquals("Nessus's CVSS2# prefix is stripped so that the CVSS parser reads the vector",
                List.of("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "AV:N/AC:L/Au:N/C:C/I:C/A:C"),
                log4j.cvssVectors());
        for (String vector : log4j.cvssVectors()) {
            CvssVector.parse(vector);
        }
        assertTrue(log4j.evidence().contains("Installed version : 2.14.1"));
        assertEquals("9.9", log4j.attributes().get("vpr_score"));
        assertEquals("true", log4j.attributes().get("exploit_available"));
        assertEquals("true", log4j.attributes().get("exploit_framework_metasploit"));
        assertEquals("true", log4j.attributes().get("exploited_by_malware"));
        assertEquals("Log4Shell HTTP Header Injection", log4j.attributes().get("metasploit_name"));
        assertEquals("2021/12/24", log4j.attributes().get("cisa-known-exploited"));
        assertEquals("High", log4j.attributes().get("exploit_code_maturity"));
        assertEquals("shop-api.dmz.example.com", log4j.attributes().get("host-fqdn"));
        assertEquals("www", log4j.attributes().get("svc_name"));
        assertEquals("weekly-dmz", log4j.attributes().get("report"));

        Observation info = read.rule("19506");
        assertEquals(ObservedSeverity.INFO, info.severity());
        assertEquals("None", info.reportedSeverity());
        assertEquals("0/tcp", info.location());

        Observation smb = read.rule("97833");
        assertEquals("a credentialed host is an authenticated scan", SourceKind.AUTHENTICATED_SCAN, smb.sourceKind());
        assertEquals(new AssetRef(AssetKind.HOST, "web01.corp.example"), smb.asset());
        assertEquals(ObservedSeverity.HIGH, smb.severity());
        assertEquals(List.of("CVE-2017-0143", "CVE-2017-0144", "CVE-2017-0145"), smb.cves());
        assertEquals("96703,96704", smb.attributes().get("bid"));
        assertEquals("10.0.0.21", smb.attributes().get("host-ip"));
        assertTrue(smb.evidence().startsWith("Sent: ff534d4225000000"));
    }

    @Test
    public void aVectorWithoutItsPrefixGetsItAndAnInvalidOneIsLeftOutWithAWarning() throws Exception {
        Reports.Read read = Reports.read(importer, "nessus/weekly-dmz.nessus");
        Observation ssh = read.rule("153953");
        assertEquals(List.of("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), ssh.cvssVectors());
        assertEquals(1, read.warnings().size());
        String warning = read.warnings().get(0);
        assertTrue(warning, warning.matches("line \\d+, column \\d+: plugin 153953: the CVSS vector 'CVSS2#AV:N/AC:L/Au:N/C:P/I:X/A:N' is not valid .*"));
    }

    @Test
    public void aReportWithoutHostsIsZeroObservations() throws Exception {
        Reports.Read read = Reports.read(importer, "nessus/empty.nessus");
        assertEquals(0, read.observations().size());
    }

    @Test
    public void entityExpansionExternalEntitiesAndTruncationAreRejectedWithTheLine() {
        String laughs = Reports.rejection(importer, Reports.bytes("nessus/billion-laughs.nessus"), ImportLimits.defaults());
        assertTrue("the parser names where the DOCTYPE ends: " + laughs, laughs.startsWith("line 8, column 4: "));
        assertTrue(laughs, laughs.contains("DOCTYPE"));

        String xxe = Reports.rejection(importer, Reports.bytes("nessus/xxe.nessus"), ImportLimits.defaults());
        assertTrue(xxe, xxe.startsWith("line 2, column ") && xxe.contains("DOCTYPE"));

        String undeclared = Reports.rejection(importer, Reports.bytes("nessus/undeclared-entity.nessus"),
                ImportLimits.defaults());
        assertTrue(undeclared, undeclared.startsWith("line 3, column "));
        assertTrue(undeclared, undeclared.contains("\"xxe\""));

        String truncated = Reports.rejection(importer, Reports.bytes("nessus/truncated.nessus"), ImportLimits.defaults());
        assertTrue(truncated, truncated.matches("line \\d+, column \\d+: .*(truncated|ends).*"));
    }

    @Test
    public void aNessusV1ExportIsNamedAsSuch() {
        String message = Reports.rejection(importer,
                "<NessusClientData><Report/></NessusClientData>".getBytes(), ImportLimits.defaults());
        assertTrue(message, message.contains("Nessus v1 export"));
    }
}
