package org.ctemcycles.ingest.zap;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.Reports;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;

public class ZapImporterTest {

    @Test
    public void eachAlertInstanceIsAnObservationWithoutQueryValuesInItsLocation() throws Exception {
        Reports.Read read = Reports.read(new ZapJsonImporter(), "zap/zap-2.16.json");
        assertEquals(4, read.observations().size());
        List<Observation> sqli = read.observations().stream().filter(o -> o.ruleId().equals("40018")).toList();
        assertEquals(2, sqli.size());
        Observation get = sqli.get(0);
        assertEquals(SourceKind.EXTERNAL_SCAN, get.sourceKind());
        assertEquals("ZAP", get.tool());
        assertEquals("2.16.1", get.toolVersion());
        assertEquals("SQL Injection", get.title());
        assertEquals(new AssetRef(AssetKind.URL, "https://shop.example.com"), get.asset());
        assertEquals("GET https://shop.example.com/item?id&session [id]", get.location());
        assertEquals(ObservedSeverity.HIGH, get.severity());
        assertEquals("High (Medium)", get.reportedSeverity());
        assertEquals(List.of("CWE-89"), get.cwes());
        assertEquals("Medium", get.attributes().get("confidence"));
        assertEquals("1' OR '1'='1", get.attributes().get("attack"));
        assertEquals("19", get.attributes().get("wascid"));
        assertEquals("POST https://shop.example.com/search [q]", sqli.get(1).location());
        assertEquals("You have an error in your SQL syntax", sqli.get(1).evidence());

        Observation csp = read.rule("10038-1");
        assertEquals("alertRef refines the plugin id", "10038", csp.attributes().get("pluginid"));
        assertEquals(ObservedSeverity.MEDIUM, csp.severity());
        assertEquals("true", csp.attributes().get("systemic"));

        Observation timestamp = read.rule("10096");
        assertEquals(ObservedSeverity.INFO, timestamp.severity());
        assertEquals("cweid -1 means none", List.of(), timestamp.cwes());
        assertEquals("https://shop.example.com", timestamp.location());
    }

    @Test
    public void theOldCoreJsonReportWithoutProgramNameIsRead() throws Exception {
        Reports.Read read = Reports.read(new ZapJsonImporter(), "zap/zap-2.10-legacy.json");
        Observation xss = read.rule("40012");
        assertEquals("ZAP", xss.tool());
        assertEquals("D-2021-03-15", xss.toolVersion());
        assertEquals(new AssetRef(AssetKind.URL, "http://localhost:3000"), xss.asset());
        assertEquals("GET http://localhost:3000/rest/products/search?q [q]", xss.location());
        assertEquals(List.of("CWE-79"), xss.cwes());
    }

    @Test
    public void theXmlReportMapsLikeTheJsonReport() throws Exception {
        Reports.Read xml = Reports.read(new ZapXmlImporter(), "zap/zap-2.16.xml");
        assertEquals(3, xml.observations().size());
        Observation fromXml = xml.rule("40018");
        Observation fromJson = Reports.read(new ZapJsonImporter(), "zap/zap-2.16.json").observations().get(0);
        assertEquals(fromJson.ruleId(), fromXml.ruleId());
        assertEquals(fromJson.asset(), fromXml.asset());
        assertEquals(fromJson.location(), fromXml.location());
        assertEquals(fromJson.severity(), fromXml.severity());
        assertEquals(fromJson.cwes(), fromXml.cwes());
        assertEquals(fromJson.attributes().get("description"), fromXml.attributes().get("description"));
        assertEquals("1' OR '1'='1", fromXml.attributes().get("attack"));

        List<Observation> clickjacking = xml.observations().stream().filter(o -> o.ruleId().equals("10020-1")).toList();
        assertEquals(List.of("GET https://shop.example.com/ [x-frame-options]",
                "GET https://shop.example.com/login [x-frame-options]"),
                clickjacking.stream().map(Observation::location).toList());
        assertEquals("<p>The response does not protect against 'ClickJacking' attacks.</p>",
                clickjacking.get(0).attributes().get("description"));
    }

    @Test
    public void anOldXmlReportWithTheInstanceOnTheAlertIsRead() throws Exception {
        Observation alert = Reports.read(new ZapXmlImporter(), "zap/zap-legacy.xml").rule("10016");
        assertEquals(ObservedSeverity.LOW, alert.severity());
        assertEquals("2.4.3", alert.toolVersion());
        assertEquals(new AssetRef(AssetKind.URL, "http://192.168.56.101"), alert.asset());
        assertEquals("http://192.168.56.101/dvwa/login.php [X-XSS-Protection]", alert.location());
        assertEquals(List.of("CWE-933"), alert.cwes());
    }
}
