package org.ctemcycles.core.scoring.cvss;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Parsing and validation of vector strings, including every rejection case. */
public class CvssVectorTest {

    private static final String V31_BASE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static final String V4_BASE = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    private static final String V2_BASE = "AV:N/AC:L/Au:N/C:P/I:P/A:P";

    @Test
    public void parsesVersionsAndKeepsMetricOrder() {
        CvssVector v31 = CvssVector.parse(V31_BASE + "/E:P");
        assertEquals(CvssVersion.V3_1, v31.version());
        assertEquals(V31_BASE + "/E:P", v31.text());
        assertEquals(List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A", "E"),
                List.copyOf(v31.metrics().keySet()));
        assertEquals("P", v31.value("E"));
        assertNull("omitted metrics are not reported", v31.value("RL"));
        assertNull(v31.value("NOPE"));

        assertEquals(CvssVersion.V3_0, CvssVector.parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").version());
        assertEquals(CvssVersion.V4_0, CvssVector.parse(V4_BASE).version());
        assertEquals(CvssVersion.V2, CvssVector.parse(V2_BASE).version());
    }

    @Test
    public void acceptsAnyMetricOrderAndSurroundingWhitespace() {
        CvssVector v = CvssVector.parse("  CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H\n");
        assertEquals("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", v.text());
        assertEquals(Map.of("S", "U", "AV", "N", "AC", "L", "PR", "N", "UI", "N", "C", "H", "I", "H", "A", "H"),
                v.metrics());
        assertEquals("S", v.metrics().keySet().iterator().next());
    }

    @Test
    public void acceptsV2InParenthesesAndWithOptionalMetrics() {
        CvssVector v = CvssVector.parse("(" + V2_BASE + "/E:POC/RL:OF/RC:C/CDP:LM/TD:M/CR:H/IR:ND/AR:L)");
        assertEquals(CvssVersion.V2, v.version());
        assertEquals("POC", v.value("E"));
        assertEquals("LM", v.value("CDP"));
    }

    @Test
    public void acceptsNotDefinedForOptionalMetrics() {
        CvssVector.parse(V31_BASE + "/E:X/RL:X/RC:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X");
        CvssVector.parse(V4_BASE + "/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X"
                + "/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X");
        CvssVector.parse(V2_BASE + "/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND");
        CvssVector.parse(V4_BASE + "/MSI:S/MSA:S/U:Amber");
    }

    @Test
    public void rejectsUnknownValue() {
        assertRejected("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1 vector: unknown value 'X' for metric AV", "AV");
        assertRejected(V31_BASE + "/E:Q", "CVSS:3.1 vector: unknown value 'Q' for metric E", "E");
        assertRejected(V31_BASE.replace("AC:L", "AC:l"), "CVSS:3.1 vector: unknown value 'l' for metric AC", "AC");
        assertRejected(V31_BASE.replace("AC:L", "AC:"), "CVSS:3.1 vector: unknown value '' for metric AC", "AC");
        assertRejected(V31_BASE.replace("AC:L", "AC:L:H"), "CVSS:3.1 vector: unknown value 'L:H' for metric AC", "AC");
        assertRejected(V4_BASE.replace("SI:N", "SI:S"), "CVSS:4.0 vector: unknown value 'S' for metric SI", "SI");
        assertRejected(V4_BASE + "/U:clear", "CVSS:4.0 vector: unknown value 'clear' for metric U", "U");
        assertRejected(V2_BASE + "/E:X", "CVSS v2.0 vector: unknown value 'X' for metric E", "E");
        assertRejected(V2_BASE.replace("C:P", "C:\u00c9"), "CVSS v2.0 vector: unknown value '\u00c9' for metric C", "C");
    }

    @Test
    public void rejectsMissingMandatoryMetric() {
        assertRejected("CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1 vector: missing mandatory metric PR", "PR");
        assertRejected("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H",
                "CVSS:3.0 vector: missing mandatory metric S", "S");
        assertRejected(V4_BASE.replace("/AT:N", ""), "CVSS:4.0 vector: missing mandatory metric AT", "AT");
        assertRejected("AV:N/AC:L/C:P/I:P/A:P", "CVSS v2.0 vector: missing mandatory metric Au", "Au");
        assertRejected("CVSS:3.1/", "CVSS:3.1 vector: missing mandatory metric AV", "AV");
        assertRejected("CVSS:4.0", "CVSS:4.0 vector: missing mandatory metric AV", "AV");
    }

    @Test
    public void rejectsDuplicatedMetric() {
        assertRejected("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1 vector: duplicated metric AV", "AV");
        assertRejected(V4_BASE + "/E:A/E:A", "CVSS:4.0 vector: duplicated metric E", "E");
        assertRejected(V2_BASE + "/A:N", "CVSS v2.0 vector: duplicated metric A", "A");
    }

    @Test
    public void rejectsUnknownMetric() {
        assertRejected(V31_BASE + "/AT:N", "CVSS:3.1 vector: unknown metric 'AT'", "AT");
        assertRejected(V4_BASE + "/RL:O", "CVSS:4.0 vector: unknown metric 'RL'", "RL");
        assertRejected(V2_BASE.replace("Au:N", "AU:N"), "CVSS v2.0 vector: unknown metric 'AU'", "AU");
        assertRejected(V31_BASE + "/VERYLONGNAME:X", "CVSS:3.1 vector: unknown metric 'VERYLONGNAME'",
                "VERYLONGNAME");
        assertRejected(V31_BASE + "/:X", "CVSS:3.1 vector: unknown metric ''", "");
        // A v3 vector without its prefix is read as v2, where PR is not a metric.
        assertRejected("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS v2.0 vector: unknown metric 'PR'", "PR");
    }

    @Test
    public void rejectsMalformedText() {
        assertRejected("CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1 vector: malformed component 'AC' (expected METRIC:VALUE) at position 14", null);
        assertRejected("CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1 vector: malformed component '' (expected METRIC:VALUE) at position 14", null);
        assertRejected(V31_BASE + "/", "CVSS:3.1 vector: empty component at the end of '" + V31_BASE + "/'", null);
        assertRejected("(" + V2_BASE, "CVSS v2.0 vector: unbalanced parenthesis in '(" + V2_BASE + "'", null);
        assertRejected("CVSS:3.2/AV:N", "CVSS vector: unsupported version '3.2' in 'CVSS:3.2/AV:N'", null);
        assertRejected("CVSS:2.0/" + V2_BASE, "CVSS vector: unsupported version '2.0' in 'CVSS:2.0/" + V2_BASE + "'",
                null);
        assertRejected("   ", "CVSS vector: empty", null);
        assertRejected(null, "CVSS vector: null", null);
    }

    @Test
    public void rejectionIsAnIllegalArgumentException() {
        try {
            CvssVector.parse("nonsense");
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected instanceof InvalidVectorException);
        }
    }

    @Test
    public void equalityFollowsTheText() {
        assertEquals(CvssVector.parse(V31_BASE), CvssVector.parse(" " + V31_BASE));
        assertEquals(CvssVector.parse(V31_BASE).hashCode(), CvssVector.parse(V31_BASE).hashCode());
        assertEquals(V31_BASE, CvssVector.parse(V31_BASE).toString());
    }

    private static void assertRejected(String vector, String message, String metric) {
        try {
            CvssVector.parse(vector);
            fail("accepted: " + vector);
        } catch (InvalidVectorException e) {
            assertEquals(message, e.getMessage());
            assertEquals(metric, e.metric());
        }
    }
}
