package org.ctemcycles.testing.contracts;

import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.NewSignal;
import org.ctemcycles.core.discovery.RunCounts;
import org.ctemcycles.core.discovery.Sighting;
import org.ctemcycles.core.discovery.SourceKey;
import org.ctemcycles.core.discovery.StoredFinding;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.SourceKind;
import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Discovery's records as the contracts that read them store them: runs, findings and signals of a cycle. */
final class Discovered {

    static final SourceKey NESSUS = new SourceKey(SourceKind.AUTHENTICATED_SCAN, "nessus");
    static final SourceKey ZAP = new SourceKey(SourceKind.EXTERNAL_SCAN, "zap");

    private Discovered() {
    }

    /** An imported report's run, complete or partial, scanned at {@code scannedAt}, its counts still zero. */
    static DiscoveryRun run(String cycle, String content, boolean complete, String scannedAt) {
        Instant at = Instant.parse(scannedAt);
        return new DiscoveryRun(0, cycle, NESSUS.kind(), "Nessus", "10.7", "nessus", content + ".nessus",
                sha256(content), at, at.plusSeconds(60), "lead", complete, List.of("WEB"), List.of(), RunCounts.NONE,
                complete ? List.of() : List.of("line 3: truncated record"));
    }

    /** A run as stored by {@code insertRun} and {@code completeRun}: its id, covered surfaces and counts. */
    static DiscoveryRun stored(DiscoveryRun run, long id, List<String> covered, RunCounts counts) {
        return new DiscoveryRun(id, run.cycleKey(), run.sourceKind(), run.tool(), run.toolVersion(), run.format(),
                run.fileName(), run.contentSha256(), run.scannedAt(), run.importedAt(), run.importedBy(),
                run.complete(), run.declaredSurfaces(), covered, counts, run.warnings());
    }

    /** The identity hash of finding {@code n}: the same in every cycle, as a finding's identity leaves it out. */
    static String hash(int n) {
        return sha256("finding " + n);
    }

    /** Finding {@code n} of a cycle, first seen by {@code runId}, as discovery hands it over (id not yet known). */
    static StoredFinding finding(String cycle, int n, long runId, String seenAt) {
        return finding(0, cycle, n, runId, seenAt, "Finding " + n);
    }

    static StoredFinding finding(long id, String cycle, int n, long runId, String seenAt, String title) {
        Instant at = Instant.parse(seenAt);
        Finding f = new Finding(id, cycle, new FindingIdentity(FindingIdentity.Kind.RULE, hash(n)), "WEB",
                new Asset(AssetKind.HOST, "h" + n + ".example.com", "h" + n + ".example.com"), title, "Nessus",
                "1000" + n % 7, "tcp/443", ObservedSeverity.HIGH, FindingStatus.OPEN, List.of("CVE-2024-" + (1000 + n)),
                List.of("CWE-79"), List.of(), at, at, runId, runId, 0);
        return new StoredFinding(f, Map.of(NESSUS, ObservedSeverity.HIGH));
    }

    /** As {@link #finding}, with the id the store gave it. */
    static StoredFinding withId(StoredFinding stored, long id) {
        Finding f = stored.finding();
        return new StoredFinding(new Finding(id, f.cycleKey(), f.identity(), f.surfaceKey(), f.asset(), f.title(),
                f.tool(), f.ruleId(), f.location(), f.severity(), f.status(), f.cves(), f.cwes(), f.cvssVectors(),
                f.firstSeen(), f.lastSeen(), f.firstRunId(), f.lastRunId(), f.fixCandidateRunId()),
                stored.sourceSeverities());
    }

    /** One source's sighting of a stored finding in a run. */
    static NewSignal signal(StoredFinding stored, long runId, SourceKey source, String seenAt) {
        Finding f = stored.finding();
        return new NewSignal(f.id(), runId, f.cycleKey(), f.surfaceKey(), f.asset().key(),
                new Sighting(source, source.toolKey().equals("zap") ? "ZAP" : "Nessus", "1", ObservedSeverity.HIGH,
                        "High", 1, "tcp/443", "banner", Map.of("port", "443"), null), Instant.parse(seenAt));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
