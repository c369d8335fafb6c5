package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Test;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The small records of a finding: its key and scope, a signal's life, an observation's defaults, pinned hashes. */
public class FindingRecordsTest {

    private static final Instant AT = Instant.parse("2026-07-01T09:00:00Z");

    private static Finding finding(String surface, long fixCandidateRun) {
        return new Finding(1, "A", new FindingIdentity(FindingIdentity.Kind.CVE, "0123456789abcdef" + "f".repeat(48)),
                surface, Asset.of(new AssetRef(AssetKind.HOST, "h.example.com")), "t", "Nessus", "1", "",
                ObservedSeverity.LOW, FindingStatus.OPEN, List.of(), List.of(), List.of(), AT, AT, 1, 1,
                fixCandidateRun);
    }

    @Test
    public void aFindingsKeyScopeAndFixCandidacy() {
        assertEquals("F-0123456789abcdef", finding("S", 0).key());
        assertTrue(finding("S", 0).inScope());
        assertFalse(finding(null, 0).inScope());
        assertFalse(finding("S", 0).fixCandidate());
        assertTrue(finding("S", 4).fixCandidate());
    }

    @Test
    public void aSignalLivesUntilARunRetiresIt() {
        Signal live = new Signal(1, 1, 1, SourceKind.EXTERNAL_SCAN, "ZAP", "", "High", ObservedSeverity.HIGH, AT, 1,
                "", "", Map.of(), null, null, 0);
        Signal retired = new Signal(1, 1, 1, SourceKind.EXTERNAL_SCAN, "ZAP", "", "High", ObservedSeverity.HIGH, AT,
                1, "", "", Map.of(), null, AT, 2);
        assertTrue(live.live());
        assertFalse(retired.live());
        assertEquals("External scan", SourceKind.EXTERNAL_SCAN.label());
    }

    @Test
    public void anObservationFillsWhatIsOptional() {
        Observation o = new Observation(SourceKind.CODE_SCAN, "Semgrep", null, "r1", null, null, null,
                ObservedSeverity.MEDIUM, List.of(), List.of(), List.of(), new AssetRef(AssetKind.HOST, "h"), null,
                null, Map.of(), null);
        assertEquals("", o.toolVersion());
        assertEquals("", o.title());
        assertEquals("", o.reportedSeverity());
        assertEquals("", o.location());
        assertEquals("", o.evidence());
    }

    /**
     * Identities are stored and compared across cycles and releases: the hashes of the three kinds are pinned, and
     * one digest reused for many identities gives what a fresh one gives.
     */
    @Test
    public void identityHashesArePinnedAndADigestCanBeReused() {
        Observation cve = ObservationBuilder.nessus().cves("CVE-2021-44228").host("app.example.com").build();
        Observation fingerprint = ObservationBuilder.sarif().cves().fingerprint("fp-1").tool("CodeQL")
                .ruleId("js/xss").host("repo.example.com").build();
        Observation rule = ObservationBuilder.sarif().cves().fingerprint(null).tool("CodeQL").ruleId("js/xss")
                .location("src/a.js:1").host("repo.example.com").build();
        MessageDigest shared = FindingIdentity.sha256();
        for (Observation o : List.of(cve, fingerprint, rule, cve)) {
            assertEquals(FindingIdentity.of(o, Asset.of(o.asset())), FindingIdentity.of(o, Asset.of(o.asset()),
                    shared));
        }
        assertEquals(List.of(PINNED_CVE, PINNED_FINGERPRINT, PINNED_RULE), List.of(cve, fingerprint, rule).stream()
                .map(o -> FindingIdentity.of(o, Asset.of(o.asset())).hash()).toList());
    }

    private static final String PINNED_CVE = "59e38ad42a61e85b88edbaea46190f78d7cacc0cae0b78548e04525a7d64190a";
    private static final String PINNED_FINGERPRINT =
            "49588bd5dedc2465fecca84ae5f02680bd5e27232c1b1170cc752cb58bad2e25";
    private static final String PINNED_RULE = "90c4a4186bd376d900a6ba2b4150cd9fb3da0fb18c8dbba948f7d04a88f9bf19";
}
