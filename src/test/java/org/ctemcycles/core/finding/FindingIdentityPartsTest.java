package org.ctemcycles.core.finding;

import org.ctemcycles.core.scope.Asset;
import org.ctemcycles.testing.ObservationBuilder;
import org.junit.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** Every part an identity rule names changes the identity; the CVE and tool-name normalisation. */
public class FindingIdentityPartsTest {

    private static FindingIdentity identity(ObservationBuilder builder) {
        Observation o = builder.build();
        return FindingIdentity.of(o, Asset.of(o.asset()));
    }

    private static ObservationBuilder rule() {
        return ObservationBuilder.sarif().cves().fingerprint(null).tool("CodeQL").ruleId("js/xss")
                .location("src/app.js:10").host("repo.example.com");
    }

    @Test
    public void eachPartOfTheRuleAndFingerprintIdentitiesCounts() {
        Set<String> hashes = new TreeSet<>();
        List<ObservationBuilder> variants = List.of(rule(), rule().tool("Semgrep"), rule().ruleId("js/sqli"),
                rule().location("src/app.js:11"), rule().host("other.example.com"),
                rule().fingerprint("abc"), rule().fingerprint("abd"), rule().fingerprint("abc").tool("Semgrep"),
                rule().fingerprint("abc").ruleId("js/sqli"), rule().fingerprint("abc").host("other.example.com"),
                rule().cves("CVE-2021-44228"), rule().cves("CVE-2021-44229"));
        for (ObservationBuilder variant : variants) {
            assertTrue(variant.build().toString(), hashes.add(identity(variant).hash()));
        }
        assertEquals(FindingIdentity.Kind.RULE, identity(rule()).kind());
        assertEquals(FindingIdentity.Kind.FINGERPRINT, identity(rule().fingerprint("abc")).kind());
        assertEquals(FindingIdentity.Kind.FINGERPRINT, identity(rule().fingerprint("abc").location("x:1")).kind());
        assertEquals("a fingerprint identity ignores the location", identity(rule().fingerprint("abc")),
                identity(rule().fingerprint("abc").location("x:1")));
        assertEquals("a blank fingerprint is none", identity(rule()), identity(rule().fingerprint("  ")));
        assertEquals("tool names compare without case and extra spaces", identity(rule()),
                identity(rule().tool("  codeql ")));
    }

    @Test
    public void cveIdsAreRecognisedStrictly() {
        assertEquals("CVE-2021-44228", FindingIdentity.cve(" cve-2021-44228 "));
        assertEquals("CVE-2021-1234", FindingIdentity.cve("CVE-2021-1234"));
        assertNull("three digits", FindingIdentity.cve("CVE-2021-123"));
        assertNull(FindingIdentity.cve("CVE-20a1-12345"));
        assertNull(FindingIdentity.cve("CVE-2021-12x45"));
        assertNull(FindingIdentity.cve("CVE_2021_12345"));
        assertNull(FindingIdentity.cve("GHSA-2021-12345"));
        assertNull(FindingIdentity.cve(null));
        assertEquals(List.of("CVE-2020-1472", "CVE-2021-44228"), FindingIdentity.cves(List.of("cve-2021-44228",
                "CVE-2020-1472", "not one", "CVE-2021-44228")));
        assertEquals(List.of(), FindingIdentity.cves(List.of()));
    }

    @Test
    public void toolKeysAreLowerCaseWithSingleSpacesAndBounded() {
        assertEquals("owasp zap", FindingIdentity.toolKey("  OWASP \t ZAP  "));
        assertEquals("", FindingIdentity.toolKey("   "));
        assertEquals(200, FindingIdentity.toolKey("x".repeat(250)).length());
        assertEquals(200, FindingIdentity.toolKey("a ".repeat(150)).length());
        assertEquals(199, FindingIdentity.toolKey("x".repeat(199)).length());
    }
}
