package org.ctemcycles.ingest.sarif;

import org.ctemcycles.core.finding.FindingIdentity;
import org.ctemcycles.core.finding.Observation;
import org.ctemcycles.core.scope.AssetKind;
import org.ctemcycles.core.scope.AssetRef;
import org.ctemcycles.ingest.ImportLimits;
import org.ctemcycles.ingest.Reports;
import org.ctemcycles.ingest.Rescans;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * SARIF results without a {@code ruleId}: the rule by reference, or no rule at all (gitleaks); identities from
 * references, fingerprints and places, never from the message. Samples and their sources in the resources' README.
 */
public class SarifRuleReferenceTest {

    private final SarifImporter importer = new SarifImporter();

    @Test
    public void everyKindOfRuleReferenceNamesTheRule() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/spec-rule-references.sarif");
        assertEquals(List.of("CA2101", "CA5350", "CA5350", "SEC1001", "SEC1001", "HardCodedKey", ""),
                read.observations().stream().map(Observation::ruleId).toList());
        assertEquals("the rule's text is the title", "Do not use weak cryptographic algorithms.",
                read.observations().get(2).title());
        assertEquals("Hard-coded credential.", read.observations().get(4).title());
        assertEquals("src/Keys.cs:21", read.observations().get(5).location());

        Observation fingerprinted = read.observations().get(6);
        assertEquals("stableResultHash/v2=097886bc876fe", fingerprinted.fingerprint());
        assertEquals("none", fingerprinted.attributes().get("rule"));
        assertEquals("Prohibited word found.", fingerprinted.title());
        assertEquals(FindingIdentity.Kind.FINGERPRINT, Rescans.identity(fingerprinted).kind());

        assertEquals(List.of("skipped 1 results without a rule, fingerprint or location (no stable identity)"
                + " (first at line 197, column 10 ($.runs[0].results[7]))"), read.warnings());
        assertEquals("every result is its own finding", 7, Rescans.identities(read).stream().distinct().count());
    }

    @Test
    public void newMessagesAndToolVersionsKeepTheIdentities() throws Exception {
        byte[] first = Reports.bytes("sarif/spec-rule-references.sarif");
        byte[] second = Rescans.edited(first, "\"semanticVersion\": \"3.3\"", "\"semanticVersion\": \"3.4\"",
                "Weak hash MD5 used.", "MD5 is weak: use SHA-256.",
                "Prohibited word found.", "A prohibited word was found again.",
                "AES key in source.", "An AES key is written in the source.");
        assertEquals(Rescans.identities(importer, first),
                Rescans.identities(importer, second));
    }

    @Test
    public void gitleaks8LeaksAreARuleAPlaceAndTheirCommit() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/gitleaks-8.sarif");
        assertEquals(2, read.observations().size());
        Observation test = read.rule("test-rule");
        assertEquals("gitleaks", test.tool());
        assertEquals("v8.0.0", test.toolVersion());
        assertEquals("auth.py:1@0000000000000000", test.location());
        assertNull("the commit's author, date and message are not a fingerprint of the leak", test.fingerprint());
        assertEquals("0000000000000000", test.attributes().get("commit"));
        assertEquals("John Doe", test.attributes().get("commit.author"));
        assertEquals("opps", test.attributes().get("commit.message"));
        assertFalse("the snippet is the secret", test.attributes().containsKey("snippet"));
        assertEquals(new AssetRef(AssetKind.REPOSITORY, ""), test.asset());
        Observation aws = read.rule("aws-access-key");
        assertEquals("config/settings.py:12@0000000000000000", aws.location());
        assertNotEquals("two leaks of one commit are two findings", Rescans.identity(test), Rescans.identity(aws));
    }

    @Test
    public void gitleaks80WithItsOwnVersionAndARuleWithoutAnIdIsRead() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/gitleaks-8.0-rule-without-id.sarif");
        assertTrue(read.allWarnings(), read.allWarnings().contains("the log's version is 'v8.0.0', but its $schema is"
                + " SARIF 2.1.0's; read as SARIF 2.1.0"));
        Observation leak = read.only(o -> true);
        assertEquals("", leak.ruleId());
        assertEquals("auth.py:1@0000000000000000", leak.location());
        assertEquals(FindingIdentity.Kind.RULE, Rescans.identity(leak).kind());
        assertEquals("has detected secret for file auth.py at commit 0000000000000000.", leak.title());
        assertEquals("sarif", Reports.detect("sarif/gitleaks-8.0-rule-without-id.sarif").format());

        byte[] again = Rescans.edited(Reports.bytes("sarif/gitleaks-8.0-rule-without-id.sarif"),
                "\"v8.0.0\"", "\"v8.0.2\"", " has detected secret for file auth.py", "leak found in auth.py");
        assertEquals(Rescans.identities(read), Rescans.identities(importer, again));
    }

    @Test
    public void gitleaks7ResultsWithNoRuleAtAllAreKeptByTheirPlaceAndCommit() throws Exception {
        Reports.Read read = Reports.read(importer, "sarif/gitleaks-7.sarif");
        Observation leak = read.only(o -> true);
        assertEquals("Gitleaks", leak.tool());
        assertEquals("", leak.ruleId());
        assertEquals("server.test.py:5@6557c92612d3b35979bd426d429255b3bf9fab74", leak.location());
        assertEquals("AWS Access Key secret detected", leak.title());
        assertEquals("2019-10-24T09:29:27-04:00", leak.attributes().get("commit.date"));
        assertFalse(leak.attributes().containsKey("snippet"));
        assertFalse("the offender is the secret", leak.attributes().containsValue("AKIAIO5FODNN7EXAMPLE"));
        assertEquals(List.of(), read.warnings());

        byte[] sample = Reports.bytes("sarif/gitleaks-7.sarif");
        byte[] newMessage = Rescans.edited(sample, "AWS Access Key secret detected", "AWS Access Key leaked",
                "\"v7.5.0\"", "\"v7.5.1\"");
        assertEquals("the message is free text", Rescans.identities(read),
                Rescans.identities(importer, newMessage));
        byte[] laterCommit = Rescans.edited(sample, "6557c92612d3b35979bd426d429255b3bf9fab74",
                "8f1e4b6f0e0c2c1d3a4b5c6d7e8f90a1b2c3d4e5");
        assertNotEquals("a secret brought in again by another commit is another leak", Rescans.identities(read),
                Rescans.identities(importer, laterCommit));
    }

    @Test
    public void onlyGitleaksCommitsJoinTheLocation() throws Exception {
        // another tool's commit property may be the commit it scanned, new with every scan
        byte[] other = Rescans.edited(Reports.bytes("sarif/gitleaks-7.sarif"), "\"Gitleaks\"", "\"SecretScanner\"");
        Observation leak = Reports.read(importer, other, ImportLimits.defaults()).only(o -> true);
        assertEquals("server.test.py:5", leak.location());
        assertNull(leak.attributes().get("commit"));
        byte[] partial = Rescans.edited(Reports.bytes("sarif/gitleaks-8.sarif"), "\"gitleaks\"", "\"SecretScanner\"");
        assertTrue(Reports.read(importer, partial, ImportLimits.defaults()).rule("test-rule").fingerprint()
                .contains("commitSha=0000000000000000"));
    }

    @Test
    public void detectionPicksSarifForEverySample() throws Exception {
        for (String sample : List.of("sarif/gitleaks-8.sarif", "sarif/gitleaks-7.sarif",
                "sarif/spec-rule-references.sarif")) {
            assertEquals(sample, "sarif", Reports.detect(sample).format());
        }
    }
}
