package org.ctemcycles.bench.discovery;

import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated discovery data, deterministic (fixed seed): observations shaped like a large estate's weekly scans, and
 * the surfaces of its cycle.
 */
public final class Workload {

    private static final ObservedSeverity[] SEVERITIES = {ObservedSeverity.INFO, ObservedSeverity.LOW,
            ObservedSeverity.MEDIUM, ObservedSeverity.HIGH, ObservedSeverity.CRITICAL};

    private Workload() {
    }

    /** Three surfaces: a /16 of hosts, a DNS zone, and a registry of images; a fifth of the hosts are unscoped. */
    public static List<Surface> surfaces(String cycleKey) {
        return List.of(
                new Surface("DATACENTRE", cycleKey, "Data centre", SurfaceKind.BUSINESS_PROCESS, null, null, null, null,
                        List.of(ScopeRule.parse("ip:10.20.0.0/16"), ScopeRule.parse("ip:2001:db8:20::/48"))),
                new Surface("WEB", cycleKey, "Web zone", SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null, null, null,
                        List.of(ScopeRule.parse("host:*.web.example.com"), ScopeRule.parse("url:https://shop.example.com/"))),
                new Surface("IMAGES", cycleKey, "Images", SurfaceKind.CUSTOMER_FACING_SYSTEM, null, null, null, null,
                        List.of(ScopeRule.parse("image:registry.example.com/team/*"))));
    }

    /**
     * {@code count} observations of {@code count / repeats} distinct findings (at most 10 per asset on 20,000 assets),
     * each reported {@code repeats} times the way real reports repeat one finding: the same CVE on several ports of a
     * host or in several packages and tags of an image, the same SARIF result moved to another line, the same
     * template hit again. A Nessus / Nuclei / Trivy / CodeQL mix; a fifth of the Nessus hosts are out of scope.
     */
    public static List<Observation> observations(int count, int repeats, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Observation> out = new ArrayList<>(count);
        int distinct = count / repeats;
        for (int i = 0; i < count; i++) {
            int finding = i % distinct;
            int asset = finding % 20_000;
            int variant = finding / 20_000;
            int repeat = i / distinct;
            ObservedSeverity severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
            String evidence = "scanned " + random.nextLong() + " plugin output varies between scans";
            switch (asset % 4) {
                case 0 -> {
                    boolean cve = variant % 3 == 0;
                    out.add(new Observation(SourceKind.AUTHENTICATED_SCAN, "Nessus", "10.8.3",
                            String.valueOf(10_000 + variant * 37), null, "Plugin " + variant,
                            String.valueOf(severity.ordinal()), severity,
                            cve ? List.of("CVE-2024-" + (1000 + variant)) : List.of(), List.of(), List.of(),
                            new AssetRef(AssetKind.IP_ADDRESS, (asset % 5 == 0 ? "192.168." : "10.20.")
                                    + (asset / 250 % 250) + "." + (asset % 250 + 1)),
                            cve ? (443 + repeat) + "/tcp" : "443/tcp", evidence, Map.of("vpr_score", "7.4"), null));
                }
                case 1 -> out.add(new Observation(SourceKind.EXTERNAL_SCAN, "Nuclei", "3.3.0", "tech-detect-" + variant,
                        null, "Detected", "info", severity, List.of(), List.of("CWE-200"), List.of(),
                        new AssetRef(AssetKind.HOST, "app" + asset + ".web.example.com"),
                        "https://app" + asset + ".web.example.com/", evidence, Map.of(), null));
                case 2 -> out.add(new Observation(SourceKind.CODE_SCAN, "Trivy", "0.56.2", "CVE-2023-" + (2000 + variant),
                        null, "libssl", severity.name(), severity, List.of("CVE-2023-" + (2000 + variant)),
                        List.of("CWE-1325"), List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
                        new AssetRef(AssetKind.CONTAINER_IMAGE, "registry.example.com/team/app" + asset + ":1." + repeat),
                        "pkg" + repeat + "@1.0." + variant, evidence, Map.of(), null));
                default -> out.add(new Observation(SourceKind.CODE_SCAN, "CodeQL", "2.19.1", "java/rule-" + variant,
                        "primaryLocationLineHash:" + Integer.toHexString(finding) + ":1", "Query result", "error", severity,
                        List.of(), List.of("CWE-89"), List.of(), new AssetRef(AssetKind.REPOSITORY,
                        "https://github.com/acme/repo" + asset), "src/File" + variant + ".java:" + (40 + repeat), evidence,
                        Map.of(), null));
            }
        }
        return out;
    }
}
