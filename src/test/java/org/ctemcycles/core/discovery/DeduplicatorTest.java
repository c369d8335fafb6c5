package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.Scope;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class DeduplicatorTest {

    private static final Scope SCOPE = new Scope(List.of(
            new Surface("WEB", "C-1", "Web", SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null, null, null,
                    List.of(ScopeRule.parse("host:*.corp.example"), ScopeRule.parse("ip:10.0.0.0/24"))),
            new Surface("SHOP", "C-1", "Shop", SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null, null, null,
                    List.of(ScopeRule.parse("image:registry.example.com/shop")))));

    @Test
    public void observationsOfOneIdentityMergeIntoOneFindingWithTheirUnion() {
        Deduplicator dedup = new Deduplicator(SCOPE, null);
        dedup.add(ObservationBuilder.trivy().cves("CVE-2024-2511").cwes("CWE-1325").location("libssl3@3.1.4-r5")
                .severity(ObservedSeverity.MEDIUM).reportedSeverity("MEDIUM")
                .vectors("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H").build());
        dedup.add(ObservationBuilder.trivy().cves("CVE-2024-2511").cwes("cwe-400", "CWE-1325").location("libcrypto3@3.1.4-r5")
                .severity(ObservedSeverity.HIGH).reportedSeverity("HIGH").build());
        dedup.add(ObservationBuilder.trivy().cves("CVE-2024-4603").build());

        DedupResult result = dedup.result();
        assertEquals(3, result.observations());
        assertEquals(2, result.findings().size());
        ObservedFinding merged = result.findings().inReportOrder().get(0);
        assertEquals(2, merged.observations());
        assertEquals(List.of("CVE-2024-2511"), merged.cves());
        assertEquals("CWEs in numeric order", List.of("CWE-400", "CWE-1325"), merged.cwes());
        assertEquals(ObservedSeverity.HIGH, merged.severity());
        assertEquals("the first observation's location", "libssl3@3.1.4-r5", merged.location());
        assertEquals(1, merged.sightings().size());
        Sighting sighting = merged.sightings().get(0);
        assertEquals(2, sighting.observations());
        assertEquals("HIGH", sighting.rawSeverity());
        assertEquals("SHOP", merged.placement().surfaceKey());
        assertEquals(Map.of("SHOP", Set.of("container_image:registry.example.com/shop")), result.assetsBySurface());
    }

    @Test
    public void oneImageInTwoWorkloadsIsTwoFindingsAndTheRunCoversItInThoseWorkloadsOnly() {
        Deduplicator dedup = new Deduplicator(SCOPE, null);
        dedup.add(ObservationBuilder.trivy().tool("Trivy k8s").cves("CVE-2024-2511")
                .deployment("prod/shop/Deployment/web").build());
        dedup.add(ObservationBuilder.trivy().tool("Trivy k8s").cves("CVE-2024-2511")
                .deployment("prod/shop/Deployment/worker").build());
        DedupResult result = dedup.result();
        List<ObservedFinding> findings = result.findings().inReportOrder();
        assertEquals(2, findings.size());
        assertEquals("both on the image's surface", List.of("SHOP", "SHOP"),
                findings.stream().map(f -> f.placement().surfaceKey()).toList());
        assertEquals("prod/shop/Deployment/web", findings.get(0).deployment());
        assertEquals("container_image:registry.example.com/shop @ prod/shop/Deployment/web",
                findings.get(0).coverageKey());
        // a scan of one namespace covers the image where it saw it, not in workloads of other namespaces
        assertEquals(Map.of("SHOP", Set.of("container_image:registry.example.com/shop @ prod/shop/Deployment/web",
                "container_image:registry.example.com/shop @ prod/shop/Deployment/worker")), result.assetsBySurface());
    }

    @Test
    public void twoToolsReportingOneCveOnOneHostMakeOneFindingWithTwoSightings() {
        Deduplicator dedup = new Deduplicator(SCOPE, null);
        dedup.add(ObservationBuilder.nessus().cves("CVE-2021-44228").host("10.0.0.10").build());
        dedup.add(ObservationBuilder.trivy().cves("CVE-2021-44228").asset(AssetKind.IP_ADDRESS, "10.0.0.10")
                .location("log4j-core@2.14.1").build());
        DedupResult result = dedup.result();
        assertEquals(1, result.findings().size());
        ObservedFinding finding = result.findings().inReportOrder().get(0);
        assertEquals(List.of(new SourceKey(SourceKind.AUTHENTICATED_SCAN, "nessus"), new SourceKey(SourceKind.CODE_SCAN, "trivy")),
                finding.sightings().stream().map(Sighting::source).toList());
        assertEquals("WEB", finding.placement().surfaceKey());
        assertEquals("the highest severity", ObservedSeverity.CRITICAL, finding.severity());
    }

    @Test
    public void unmatchedObservationsAreKeptAndCountedOutOfScope() {
        Deduplicator dedup = new Deduplicator(SCOPE, SourceKind.EXTERNAL_SCAN);
        dedup.add(ObservationBuilder.nessus().host("printer.branch.example").build());
        dedup.add(ObservationBuilder.nessus().host("web01.corp.example").build());
        DedupResult result = dedup.result();
        assertEquals(2, result.findings().size());
        assertEquals(1, result.outOfScope());
        assertNull(result.findings().inReportOrder().get(0).placement().surfaceKey());
        assertEquals("the override replaces the importer's source kind", Map.of(SourceKind.EXTERNAL_SCAN, Set.of("WEB")),
                result.surfacesByKind());
        assertEquals(SourceKind.EXTERNAL_SCAN, result.findings().inReportOrder().get(1).sightings().get(0).source().kind());
    }

    @Test
    public void theMainToolIsTheOneWithMostObservations() {
        Deduplicator dedup = new Deduplicator(SCOPE, null);
        dedup.add(ObservationBuilder.sarif().tool("Semgrep").build());
        dedup.add(ObservationBuilder.sarif().tool("CodeQL").ruleId("a").build());
        dedup.add(ObservationBuilder.sarif().tool("CodeQL").ruleId("b").build());
        assertEquals("CodeQL", dedup.result().mainTool().orElseThrow().tool());
        assertEquals(0, new Deduplicator(SCOPE, null).result().tools().size());
    }

    /**
     * A report too large for the memory budget is merged through spill files into exactly what memory alone would
     * give: the same findings, the first observation's words, unions, the highest severities, every sighting.
     */
    @Test
    public void spillingToDiskMergesExactlyAsMemoryAlone() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("dedup-test");
        Deduplicator inMemory = new Deduplicator(SCOPE, null);
        Deduplicator spilling = new Deduplicator(SCOPE, null, 20_000, folder);
        ObservedSeverity[] severities = ObservedSeverity.values();
        for (int i = 0; i < 3_000; i++) {
            // 500 findings, each reported six times across the report, by two tools, with changing words
            int finding = (i * 7) % 500;
            var observation = (i % 3 == 0 ? ObservationBuilder.trivy() : ObservationBuilder.nessus())
                    .cves("CVE-2024-" + (1000 + finding)).host("10.0.0." + (finding % 200 + 1))
                    .cwes("CWE-" + (i % 5 + 20)).vectors(i % 4 == 0 ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
                            : "AV:N/AC:L/Au:N/C:P/I:P/A:P")
                    .severity(severities[i % severities.length]).reportedSeverity("s" + i)
                    .title("title " + i).evidence("evidence " + i + " " + "x".repeat(i % 300))
                    .location("port " + (i % 9)).attributes(Map.of("round", String.valueOf(i)))
                    .deployment(finding % 4 == 0 ? "prod/shop/Deployment/w" + finding % 3 : null)
                    .build();
            inMemory.add(observation);
            spilling.add(observation);
        }
        assertTrue("the budget made it spill", spilling.spillCount() > 3);
        List<ObservedFinding> expected = inMemory.result().findings().inReportOrder();
        assertEquals(500, expected.size());
        DedupResult spilled = spilling.result();
        assertEquals(expected, spilled.findings().inReportOrder());
        assertEquals("read again, as a retried transaction does", expected, spilled.findings().inReportOrder());
        List<String> hashes = new java.util.ArrayList<>();
        spilled.findings().forEach(f -> hashes.add(f.identity().hash()));
        assertEquals("in identity order", hashes.stream().sorted().toList(), hashes);
        assertEquals(inMemory.result().assetsBySurface(), spilled.assetsBySurface());
        spilling.close();
        try (var left = java.nio.file.Files.list(folder)) {
            assertEquals("closing deletes the spill files", 0, left.count());
        }
        java.nio.file.Files.delete(folder);
    }
}
