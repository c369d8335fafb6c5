package org.ctemcycles.ingest.support;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** {@link Normalise#cve}: the quick refusal of texts that cannot be CVE ids keeps what the pattern accepts. */
public class NormaliseCveTest {

    @Test
    public void acceptsCveIdsInAnyCaseWithSurroundingWhitespace() {
        assertEquals("CVE-2021-44228", Normalise.cve("CVE-2021-44228"));
        assertEquals("CVE-2021-44228", Normalise.cve("cve-2021-44228"));
        assertEquals("CVE-2021-44228", Normalise.cve(" \t\r\n\u000B\fCvE-2021-44228 \n"));
        assertEquals("CVE-2014-1234567", Normalise.cve("CVE-2014-1234567"));
    }

    @Test
    public void refusesOtherTexts() {
        assertNull(Normalise.cve(null));
        assertNull(Normalise.cve(""));
        assertNull(Normalise.cve("   "));
        assertNull(Normalise.cve("js/rule-7"));
        assertNull(Normalise.cve("external/cwe/cwe-079"));
        assertNull(Normalise.cve("XCVE-2021-44228"));
        assertNull(Normalise.cve("CVE-2021-123"));
        assertNull(Normalise.cve("CWE-2021-44228"));
        // U+00A0 is not whitespace to the pattern, so it is not skipped
        assertNull(Normalise.cve("\u00A0CVE-2021-44228"));
    }

    @Test
    public void keepsTheCveIdsOfAListInOrderWithoutRepeats() {
        assertEquals(List.of("CVE-2021-44228", "CVE-2020-0001"), Normalise.cves(List.of("security", "CVE-2021-44228",
                "cve-2020-0001", "CVE-2021-44228", "js/rule-1")));
    }
}
