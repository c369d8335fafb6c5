package org.ctemcycles.ingest.csv;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.ctemcycles.ingest.Rescans;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class CsvImporterTest {

    private final CsvImporter importer = new CsvImporter();

    @Test
    public void theGenericCsvMapsEveryColumn() throws Exception {
        Reports.Read read = Reports.read(importer, "csv/generic.csv");
        assertEquals(4, read.observations().size());

        Observation burp = read.rule("burp-1049088");
        assertEquals(SourceKind.MANUAL_TEST, burp.sourceKind());
        assertEquals("Burp Suite Professional", burp.tool());
        assertEquals("2025.1", burp.toolVersion());
        assertEquals("PT-2026-014", burp.fingerprint());
        assertEquals("SQL injection in \"search\" parameter", burp.title());
        assertEquals(ObservedSeverity.HIGH, burp.severity());
        assertEquals(List.of("CWE-89"), burp.cwes());
        assertEquals(new AssetRef(AssetKind.URL, "https://shop.example.com"), burp.asset());
        assertEquals("POST https://shop.example.com/search [q]", burp.location());
        assertEquals(List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"), burp.cvssVectors());
        assertEquals("payload: q=test' AND 1=1--", burp.evidence());
        assertEquals("Use parameterised queries.", burp.attributes().get("solution"));

        Observation qualys = read.rule("qid-38173");
        assertEquals(SourceKind.EXTERNAL_SCAN, qualys.sourceKind());
        assertEquals("Multi-line\ndescription, with a comma", qualys.attributes().get("description"));
        assertEquals(new AssetRef(AssetKind.HOST, "web01.corp.example"), qualys.asset());

        Observation jenkins = read.rule("CWE-1392");
        assertEquals(new AssetRef(AssetKind.IP_ADDRESS, "10.20.0.5"), jenkins.asset());
        assertEquals(ObservedSeverity.CRITICAL, jenkins.severity());

        Observation cveOnly = read.rule("CVE-2024-6387");
        assertEquals("csv", cveOnly.tool());
        assertEquals(SourceKind.THIRD_PARTY, cveOnly.sourceKind());
        assertEquals("a CVSS-like number is banded", ObservedSeverity.HIGH, cveOnly.severity());
        assertEquals(new AssetRef(AssetKind.CONTAINER_IMAGE, "registry.example.com/bastion:3"), cveOnly.asset());

        assertEquals(List.of("skipped 1 rows without a rule_id, CVE or CWE (a title is free text and cannot be an"
                + " identity) (first at line 6)"), read.warnings());
    }

    @Test
    public void defectDojoGenericCsvColumnsAreAccepted() throws Exception {
        Reports.Read read = Reports.read(importer, "csv/defectdojo.csv");
        assertEquals(2, read.observations().size());
        Observation openssl = read.rule("CVE-2024-2511");
        assertEquals(List.of("CWE-1325"), openssl.cwes());
        assertEquals("' Url' with its leading space is the URL column",
                new AssetRef(AssetKind.URL, "https://api.example.com"), openssl.asset());
        assertEquals("https://api.example.com/", openssl.location());
        assertEquals(ObservedSeverity.MEDIUM, openssl.severity());
        assertEquals(List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), openssl.cvssVectors());
        assertEquals("0.00321", openssl.attributes().get("epssscore"));
        assertEquals("Upgrade to 3.1.4-r6", openssl.attributes().get("solution"));

        Observation xss = read.rule("CWE-79");
        assertEquals("https://shop.example.com/comments?post", xss.location());
        assertTrue(read.allWarnings(), read.allWarnings().contains("skipped 1 rows marked mitigated or inactive"));
        assertTrue(read.allWarnings(), read.allWarnings().contains("skipped 1 rows without a rule_id"));
    }

    @Test
    public void semicolonSeparatedSpreadsheetExportsAreRead() throws Exception {
        Observation row = Reports.read(importer, "csv/semicolon.csv").rule("nessus-51192");
        assertEquals(new AssetRef(AssetKind.IP_ADDRESS, "10.0.0.10"), row.asset());
        assertEquals("443/tcp", row.location());
    }

    @Test
    public void strayQuotesAreReadAsSpreadsheetsReadThemAndKeepTheFieldsText() throws Exception {
        Reports.Read read = Reports.read(importer, "csv/stray-quotes.csv");
        assertEquals(List.of("Apache HTTP Server \"mod_proxy\" request smuggling",
                        "\"Admin\" console reachable without VPN",
                        "\"Badge reader on 5th floor accepts cloned cards",
                        "Kiosk 32\" touch screen exits to desktop"),
                read.observations().stream().map(Observation::title).toList());
        assertEquals("the row after a stray opening quote is its own row",
                List.of("qid-38657", "pt-2026-031", "pt-2026-032", "pt-2026-033"),
                read.observations().stream().map(Observation::ruleId).toList());
        Observation badge = read.rule("pt-2026-032");
        assertEquals(ObservedSeverity.MEDIUM, badge.severity());
        assertEquals(new AssetRef(AssetKind.OTHER, "bldg-hq-5f-reader-2"), badge.asset());
        assertEquals("door 5.12", badge.location());
        assertEquals(List.of(), read.warnings());
        assertEquals("csv", Reports.detect("csv/stray-quotes.csv").format());

        byte[] rescan = Rescans.edited(Reports.bytes("csv/stray-quotes.csv"), "\"Admin\" console", "Admin console",
                "request smuggling", "request smuggling (CL.TE)", "Server: Apache/2.4.52", "Server: Apache/2.4.54");
        assertEquals("titles and evidence are free text", Rescans.identities(read),
                Rescans.identities(importer, rescan));
    }

    @Test
    public void anUnclosedQuoteIsRejectedWithItsLine() {
        String message = Reports.rejection(importer, Reports.bytes("csv/unclosed-quote.csv"), ImportLimits.defaults());
        assertEquals("line 2: a quoted field is not closed before the end of the file (a truncated report, or a stray"
                + " quote opening a field: double it or remove it)", message);
    }
}
