package org.ctemcycles.core.scoring.cvss;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import org.junit.Test;

/**
 * Well-known vectors with their published scores. Sources: FIRST specification examples,
 * RedHatProductSecurity/cvss test files (vectors_calculator2/3, vectors_cvsslib2/3, test_cvss3.py,
 * test_cvss4.py; not copied as resources) and the project's research notes (ctem-field.md 3.1/3.2).
 */
public class CvssCalculatorTest {

    private final CvssCalculator calculator = new CvssCalculator();

    @Test
    public void v31WellKnownVectors() {
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8", "9.8", "9.8");
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1", "6.1", "6.1");
        // v3.1 changed-scope environmental formula: the environmental score exceeds the base.
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", "9.6", "9.6", "9.7");
        v3("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", "9.9", "9.9", "10.0");
        v3("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "5.9", "5.9", "5.9");
        v3("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "7.8", "7.8", "7.8");
        v3("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "1.6", "1.6", "1.6");
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", "0.0", "0.0", "0.0");
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", "7.3", "6.9", "2.8");
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L"
                + "/MUI:N/MS:C/MC:H/MI:H/MA:H", "9.3", "8.9", "9.5");
        v3("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C", "9.8", "8.5", "8.5");
        v3("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/CR:H/IR:H/AR:H/MAV:N/MPR:N", "7.8", "7.8", "9.8");
    }

    @Test
    public void v31Severities() {
        CvssScores s = calculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P");
        assertEquals(Severity.HIGH, s.severity());
        assertEquals(Severity.MEDIUM, s.temporalSeverity());
        assertEquals(Severity.LOW, s.environmentalSeverity());
        assertEquals(Severity.CRITICAL, calculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").severity());
        assertEquals(Severity.NONE, calculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").severity());
        assertNull(calculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").nomenclature());
    }

    @Test
    public void v30WellKnownVectors() {
        v3("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L"
                + "/MUI:N/MS:C/MC:H/MI:H/MA:H", "9.3", "8.9", "9.5");
        v3("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X", "3.8", "3.7", "3.7");
        v3("CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:C/C:N/I:H/A:N/E:P/RL:U/RC:U/CR:H/IR:L/AR:H/MAV:L/MUI:R/MS:C/MC:N"
                + "/MI:L/MA:N", "5.3", "4.6", "1.3");
        v3("CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N/MAV:A/MAC:L/MPR:N/MUI:N/MS:U/MC:L/MI:N/MA:N",
                "4.6", "4.6", "4.3");
        // v3.0 has no 0.9731/^13 environmental formula, so here the environmental equals the base.
        v3("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", "9.6", "9.6", "9.6");
    }

    @Test
    public void v2WellKnownVectors() {
        v2("AV:N/AC:L/Au:N/C:P/I:P/A:P", "7.5", null, null);
        v2("(AV:N/AC:L/Au:N/C:P/I:P/A:P)", "7.5", null, null);
        v2("AV:L/AC:H/Au:M/C:N/I:N/A:N", "0.0", null, null);
        v2("AV:A/AC:M/Au:N/C:C/I:N/A:P/E:POC/RL:W/RC:UC", "6.4", "4.9", null);
        v2("AV:A/AC:H/Au:S/C:N/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:M/CR:M/IR:L/AR:L", "2.9", "2.3", "2.8");
        v2("AV:L/AC:M/Au:S/C:N/I:P/A:C/E:U/RL:OF/RC:UR/CDP:N/TD:L/CR:H/IR:H/AR:H", "5.0", "3.5", "1.2");
        v2("AV:N/AC:M/Au:M/C:C/I:N/A:P/RL:W/RC:UC/CDP:LM/TD:M/CR:L/IR:L/AR:L", "6.4", "5.5", "4.0");
        v2("AV:L/AC:L/Au:S/C:P/I:P/A:P/E:U/RC:C/CDP:LM/TD:L/IR:H/AR:M", "4.3", "3.7", "1.5");
        // Groups given only as ND count as absent.
        v2("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/CDP:ND", "7.5", null, null);
    }

    @Test
    public void v2SeveritiesFollowNvdBands() {
        assertEquals(Severity.HIGH, calculator.score("AV:N/AC:L/Au:N/C:C/I:C/A:C").severity()); // 10.0
        assertEquals(Severity.MEDIUM, calculator.score("AV:N/AC:M/Au:N/C:P/I:N/A:N").severity()); // 4.3
        assertEquals(Severity.LOW, calculator.score("AV:L/AC:H/Au:M/C:N/I:N/A:N").severity()); // 0.0
    }

    @Test
    public void v4WellKnownVectors() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        v4(base, "9.3", Nomenclature.CVSS_B, Severity.CRITICAL);
        v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", "10.0", Nomenclature.CVSS_B,
                Severity.CRITICAL);
        v4(base + "/E:P", "8.9", Nomenclature.CVSS_BT, Severity.HIGH);
        v4(base + "/E:U", "8.1", Nomenclature.CVSS_BT, Severity.HIGH);
        String physical = "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H";
        v4(physical + "/E:A", "7.3", Nomenclature.CVSS_BT, Severity.HIGH);
        v4(physical + "/E:P", "5.9", Nomenclature.CVSS_BT, Severity.MEDIUM);
        v4(physical + "/E:U", "4.1", Nomenclature.CVSS_BT, Severity.MEDIUM);
        v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L", "9.2", Nomenclature.CVSS_B,
                Severity.CRITICAL);
        v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:L", "5.3", Nomenclature.CVSS_B,
                Severity.MEDIUM);
        String vaOnly = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N";
        v4(vaOnly, "8.7", Nomenclature.CVSS_B, Severity.HIGH);
        v4(vaOnly + "/AR:L", "7.9", Nomenclature.CVSS_BE, Severity.HIGH);
        v4(base + "/MAV:A/MSI:S", "9.7", Nomenclature.CVSS_BE, Severity.CRITICAL);
        v4(base + "/E:U/CR:L", "8.0", Nomenclature.CVSS_BTE, Severity.HIGH);
        v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", "0.0", Nomenclature.CVSS_B,
                Severity.NONE);
    }

    @Test
    public void v4ExactTiesRoundHalfUp() {
        // Exact scores 5.65 and 4.95: binary floating point lands just below the tie, and
        // Math.round(x * 10) / 10 gives 5.6 and 4.9.
        v4("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L", "5.7", Nomenclature.CVSS_B,
                Severity.MEDIUM);
        v4("CVSS:4.0/AV:L/AC:L/AT:P/PR:N/UI:A/VC:N/VI:N/VA:L/SC:H/SI:H/SA:H", "5.0", Nomenclature.CVSS_B,
                Severity.MEDIUM);
    }

    @Test
    public void v4ZeroShortcutUsesModifiedValues() {
        String none = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N";
        v4(none + "/MSI:H", "7.7", Nomenclature.CVSS_BE, Severity.HIGH);
        v4("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MVC:N/MVI:N/MVA:N", "0.0",
                Nomenclature.CVSS_BE, Severity.NONE);
    }

    @Test
    public void v4NotDefinedAndSupplementalMetricsDoNotChangeNomenclature() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        v4(base + "/E:X/CR:X/MAV:X", "9.3", Nomenclature.CVSS_B, Severity.CRITICAL);
        v4(base + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red", "9.3", Nomenclature.CVSS_B, Severity.CRITICAL);
        // E:A and CR:H are the values X stands for: same score, but they are stated, so BTE.
        v4(base + "/E:A/CR:H", "9.3", Nomenclature.CVSS_BTE, Severity.CRITICAL);
    }

    @Test
    public void severityBands() {
        assertEquals(Severity.NONE, Severity.of(CvssVersion.V3_1, new BigDecimal("0.0")));
        assertEquals(Severity.LOW, Severity.of(CvssVersion.V3_1, new BigDecimal("0.1")));
        assertEquals(Severity.LOW, Severity.of(CvssVersion.V4_0, new BigDecimal("3.9")));
        assertEquals(Severity.MEDIUM, Severity.of(CvssVersion.V4_0, new BigDecimal("4.0")));
        assertEquals(Severity.HIGH, Severity.of(CvssVersion.V3_0, new BigDecimal("8.9")));
        assertEquals(Severity.CRITICAL, Severity.of(CvssVersion.V3_0, new BigDecimal("9.0")));
        assertEquals(Severity.LOW, Severity.of(CvssVersion.V2, new BigDecimal("0.0")));
        assertEquals(Severity.HIGH, Severity.of(CvssVersion.V2, new BigDecimal("9.0")));
        assertEquals("Critical", Severity.CRITICAL.label());
        assertEquals("CVSS-BTE", Nomenclature.CVSS_BTE.toString());
    }

    @Test(expected = IllegalArgumentException.class)
    public void severityRejectsOutOfRangeScores() {
        Severity.of(CvssVersion.V3_1, new BigDecimal("10.1"));
    }

    private void v3(String vector, String base, String temporal, String environmental) {
        CvssScores s = calculator.score(vector);
        assertEquals(vector, new BigDecimal(base), s.base());
        assertEquals(vector, new BigDecimal(base), s.score());
        assertEquals(vector, new BigDecimal(temporal), s.temporal());
        assertEquals(vector, new BigDecimal(environmental), s.environmental());
    }

    private void v2(String vector, String base, String temporal, String environmental) {
        CvssScores s = calculator.score(vector);
        assertEquals(vector, CvssVersion.V2, s.version());
        assertEquals(vector, new BigDecimal(base), s.base());
        assertEquals(vector, temporal == null ? null : new BigDecimal(temporal), s.temporal());
        assertEquals(vector, environmental == null ? null : new BigDecimal(environmental), s.environmental());
    }

    private void v4(String vector, String score, Nomenclature nomenclature, Severity severity) {
        CvssScores s = calculator.score(CvssVector.parse(vector));
        assertEquals(vector, new BigDecimal(score), s.score());
        assertEquals(vector, nomenclature, s.nomenclature());
        assertEquals(vector, severity, s.severity());
        assertNull(s.base());
        assertNull(s.temporal());
        assertNull(s.environmental());
    }
}
