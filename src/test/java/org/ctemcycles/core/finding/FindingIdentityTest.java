package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Test;

import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

/**
 * Identities pinned against what changes between two scans of an unchanged target: a re-scan with new free text must
 * land on the same finding, and only a change of what, where or which asset makes another one.
 */
public class FindingIdentityTest {

    private static FindingIdentity identity(ObservationBuilder builder) {
        Observation o = builder.build();
        return FindingIdentity.of(o, Asset.of(o.asset()));
    }

    /** Everything a re-scan of an unchanged host changes: text, evidence, severity, version, attributes, VEX. */
    private static ObservationBuilder rescanned(ObservationBuilder builder) {
        return builder.title("Apache Log4j Unsupported Version Detection (updated plugin name)")
                .evidence("Path : /opt/app/lib/log4j-core-2.14.1.jar\nScanned at 2026-11-28T10:00:00Z\nplugin output v2")
                .reportedSeverity("High").severity(ObservedSeverity.HIGH).toolVersion("10.9.0")
                .attributes(Map.of("vpr_score", "9.4", "exploit_available", "true"))
                .vex(new VexAnalysis("in_triage", null, null, "looking"));
    }

    @Test
    public void rescanWithChangedFreeTextIsTheSameRuleFinding() {
        FindingIdentity first = identity(ObservationBuilder.nessus().ruleId("10863"));
        FindingIdentity again = identity(rescanned(ObservationBuilder.nessus().ruleId("10863")));
        assertEquals(FindingIdentity.Kind.RULE, first.kind());
        assertEquals(first, again);
        assertEquals(64, first.hash().length());
    }

    @Test
    public void rescanWithChangedFreeTextIsTheSameCveFinding() {
        FindingIdentity first = identity(ObservationBuilder.nessus().cves("CVE-2021-44228"));
        FindingIdentity again = identity(rescanned(ObservationBuilder.nessus().cves("cve-2021-44228 ")));
        assertEquals(FindingIdentity.Kind.CVE, first.kind());
        assertEquals(first, again);
    }

    @Test
    public void rescanWithMovedCodeIsTheSameFingerprintFinding() {
        FindingIdentity first = identity(ObservationBuilder.sarif().fingerprint("primaryLocationLineHash:39fa2ee980eb94b0:1"));
        FindingIdentity moved = identity(ObservationBuilder.sarif().fingerprint("primaryLocationLineHash:39fa2ee980eb94b0:1")
                .location("src/main/java/Shop.java:57").title("Query built from user-controlled sources (v2 message)"));
        assertEquals(FindingIdentity.Kind.FINGERPRINT, first.kind());
        assertEquals(first, moved);
        assertNotEquals("another rule on the same line is another finding", first,
                identity(ObservationBuilder.sarif().ruleId("java/xss").fingerprint("primaryLocationLineHash:39fa2ee980eb94b0:1")));
    }

    @Test
    public void theSameCveOnTheSameAssetMergesAcrossTools() {
        FindingIdentity nessus = identity(ObservationBuilder.nessus().cves("CVE-2024-2511").host("10.0.0.10").location("443/tcp"));
        FindingIdentity trivy = identity(ObservationBuilder.trivy().cves("CVE-2024-2511").asset(AssetKind.IP_ADDRESS, "10.0.0.10")
                .ruleId("CVE-2024-2511").location("libssl3@3.1.4-r5"));
        assertEquals(nessus, trivy);
        assertNotEquals("another asset is another finding", nessus,
                identity(ObservationBuilder.nessus().cves("CVE-2024-2511").host("10.0.0.11")));
        assertNotEquals("another CVE set is another finding", nessus,
                identity(ObservationBuilder.nessus().cves("CVE-2024-2511", "CVE-2024-4603").host("10.0.0.10")));
    }

    @Test
    public void cveSetsAreComparedAsSets() {
        assertEquals(identity(ObservationBuilder.nessus().cves("CVE-2021-45046", "CVE-2021-44228")),
                identity(ObservationBuilder.nessus().cves("cve-2021-44228", "CVE-2021-45046", "CVE-2021-44228")));
        assertEquals("ids that are not CVEs do not make a CVE identity", FindingIdentity.Kind.RULE,
                identity(ObservationBuilder.nessus().cves("GHSA-jfh8-c2jp-5v3q", "N/A")).kind());
    }

    @Test
    public void imageTagsAndPackageVersionsAreNotPartOfTheAsset() {
        assertEquals("a re-scan of the next image tag is the same asset",
                identity(ObservationBuilder.trivy().cves("CVE-2024-2511")),
                identity(ObservationBuilder.trivy().cves("CVE-2024-2511").asset(AssetKind.CONTAINER_IMAGE, "REGISTRY.example.com/shop:1.5")));
        assertEquals(identity(ObservationBuilder.trivy().ruleId("AVD-DS-0002").asset(AssetKind.PACKAGE, "pkg:npm/%40angular/core@16.0.0")),
                identity(ObservationBuilder.trivy().ruleId("AVD-DS-0002").asset(AssetKind.PACKAGE, "pkg:npm/%40angular/core@16.2.1")));
    }

    @Test
    public void hostNamesAreCaseInsensitiveAndHostsAndIpsAreOneAssetClass() {
        assertEquals(identity(ObservationBuilder.nessus().host("Web01.Corp.Example.")),
                identity(ObservationBuilder.nessus().host("web01.corp.example")));
        assertEquals(identity(ObservationBuilder.nessus().host("10.0.0.10")),
                identity(ObservationBuilder.nessus().asset(AssetKind.IP_ADDRESS, "10.0.0.10")));
        assertNotEquals("a URL is not a host", identity(ObservationBuilder.nessus().host("shop.example.com")),
                identity(ObservationBuilder.nessus().asset(AssetKind.URL, "https://shop.example.com/")));
    }

    @Test
    public void whatAndWhereMakeAnotherRuleFinding() {
        FindingIdentity base = identity(ObservationBuilder.nessus());
        assertNotEquals(base, identity(ObservationBuilder.nessus().ruleId("156033")));
        assertNotEquals(base, identity(ObservationBuilder.nessus().location("8443/tcp")));
        assertNotEquals(base, identity(ObservationBuilder.nessus().host("web02.corp.example")));
        assertNotEquals(base, identity(ObservationBuilder.nessus().tool("OpenVAS")));
        assertEquals("tool names are compared case-insensitively", base, identity(ObservationBuilder.nessus().tool(" NESSUS ")));
        assertEquals("the source kind is not part of identity", base,
                identity(ObservationBuilder.nessus().sourceKind(SourceKind.EXTERNAL_SCAN)));
    }

    @Test
    public void zapAlertInstancesAreIdentifiedByPluginUrlMethodAndParameter() {
        ObservationBuilder zap = ObservationBuilder.nessus().sourceKind(SourceKind.EXTERNAL_SCAN).tool("ZAP")
                .toolVersion("2.16.1").ruleId("40018").asset(AssetKind.URL, "https://shop.example.com")
                .location("GET https://shop.example.com/item?id=1 param=id");
        FindingIdentity first = identity(zap.evidence("attack: 1' OR '1'='1").title("SQL Injection"));
        FindingIdentity again = identity(zap.evidence("attack: 1' AND 1=1 --").title("SQL Injection - MySQL")
                .toolVersion("2.17.0").attributes(Map.of("confidence", "High", "generated", "Wed, 26 Feb 2026")));
        assertEquals(first, again);
        assertNotEquals("another parameter is another instance", first,
                identity(zap.location("GET https://shop.example.com/item?id=1 param=sort")));
    }

    @Test
    public void nucleiHitsAreIdentifiedByTemplateAndMatchedAtNotByTimestamp() {
        ObservationBuilder nuclei = ObservationBuilder.nessus().sourceKind(SourceKind.EXTERNAL_SCAN).tool("nuclei")
                .ruleId("prometheus-metrics").asset(AssetKind.URL, "https://app.example.com")
                .location("https://app.example.com/metrics");
        assertEquals(identity(nuclei.attributes(Map.of("timestamp", "2026-03-20T22:48:35Z")).evidence("curl -X GET ...")),
                identity(nuclei.attributes(Map.of("timestamp", "2026-03-27T22:51:02Z")).evidence("curl -X GET ... -H 'x: 2'")));
    }

    @Test
    public void oneImageInTwoWorkloadsIsTwoExposuresThatKeepTheirIdentityAcrossTags() {
        ObservationBuilder web = ObservationBuilder.trivy().tool("Trivy k8s").cves("CVE-2024-2511")
                .deployment("prod/shop/Deployment/web");
        FindingIdentity first = identity(web);
        FindingIdentity nextTag = identity(rescanned(ObservationBuilder.trivy().tool("Trivy k8s")
                .cves("CVE-2024-2511").deployment(" prod/shop/Deployment/web ")
                .asset(AssetKind.CONTAINER_IMAGE, "registry.example.com/shop:1.5")));
        assertEquals(FindingIdentity.Kind.CVE, first.kind());
        assertEquals(first, nextTag);
        assertNotEquals("another workload is another exposure", first,
                identity(ObservationBuilder.trivy().tool("Trivy k8s").cves("CVE-2024-2511")
                        .deployment("prod/shop/Deployment/worker")));
        assertNotEquals("the image outside any workload is another exposure", first,
                identity(ObservationBuilder.trivy().cves("CVE-2024-2511")));
        assertNotEquals("the deployment joins rule identities too",
                identity(ObservationBuilder.trivy().ruleId("GMS-2022-20")),
                identity(ObservationBuilder.trivy().ruleId("GMS-2022-20").deployment("prod/shop/Deployment/web")));
    }

    @Test
    public void identitiesWithoutADeploymentAreWhatTheyWereBeforeDeploymentsExisted() {
        // pinned (the SHA-256 of "4:rule;6:nessus;6:156032;7:443/tcp;23:host:web01.corp.example;"): findings
        // already stored keep their identity when the same scan is imported again
        assertEquals("3dae4ff22740fdd9bf0e7a9a0c5945619c1a64de38079bfc83c558af9d0a6190",
                identity(ObservationBuilder.nessus()).hash());
        assertEquals(identity(ObservationBuilder.nessus()), identity(ObservationBuilder.nessus().deployment("  ")));
    }

    @Test
    public void partsCannotRunIntoEachOther() {
        assertNotEquals(identity(ObservationBuilder.nessus().ruleId("ab").location("c")),
                identity(ObservationBuilder.nessus().ruleId("a").location("bc")));
    }
}
