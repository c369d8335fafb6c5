package org.ctemcycles.core.scoring.cvss;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Conformance with the RedHatProductSecurity/cvss test vectors (src/test/resources/cvss, see
 * SOURCE.md): every score on every line must match exactly, compared as one-decimal
 * {@link BigDecimal}s (value and scale), never with a tolerance.
 *
 * <p>Line formats: {@code VECTOR - (base, temporal, environmental)} for v2 and v3.x, where v2
 * writes {@code None} for an absent score and {@code -0.0} for a zero base score (a Python
 * negative zero; as a BigDecimal it is 0.0); {@code VECTOR - (score,)} or {@code VECTOR - score}
 * for v4.0.
 */
public class CvssConformanceTest {

    private final CvssCalculator calculator = new CvssCalculator();

    @Test
    public void v2Simple() throws IOException {
        check("vectors_simple2", CvssVersion.V2, null, 729);
    }

    @Test
    public void v30Simple() throws IOException {
        check("vectors_simple3", CvssVersion.V3_0, null, 2592);
    }

    @Test
    public void v31Simple() throws IOException {
        check("vectors_simple31", CvssVersion.V3_1, null, 2592);
    }

    @Test
    public void v4Simple() throws IOException {
        check("vectors_simple4", CvssVersion.V4_0, Nomenclature.CVSS_B, 1058);
    }

    @Test
    public void v4Threat() throws IOException {
        check("vectors_threat4", CvssVersion.V4_0, Nomenclature.CVSS_BT, 6);
    }

    @Test
    public void v4Security() throws IOException {
        check("vectors_security4", CvssVersion.V4_0, Nomenclature.CVSS_BE, 54);
    }

    @Test
    public void v4Supplemental() throws IOException {
        // Supplemental metrics change neither the score nor the nomenclature.
        check("vectors_supplemental4", CvssVersion.V4_0, Nomenclature.CVSS_B, 576);
    }

    private void check(String file, CvssVersion version, Nomenclature nomenclature,
                       int expectedLines) throws IOException {
        List<String> failures = new ArrayList<>();
        int lines = 0;
        int passed = 0;
        for (String line : read(file)) {
            lines++;
            int sep = line.lastIndexOf(" - ");
            assertTrue(file + ": no ' - ' in line " + line, sep > 0);
            String vector = line.substring(0, sep);
            String[] expected = expectedScores(line.substring(sep + 3));
            CvssScores scores = calculator.score(vector);
            String problem = compare(version, nomenclature, expected, scores);
            if (problem == null) {
                passed++;
            } else if (failures.size() < 20) {
                failures.add(line + " -> " + problem);
            }
        }
        System.out.printf("%-22s %5d/%5d lines pass%n", file, passed, lines);
        assertEquals(file + " line count", expectedLines, lines);
        assertEquals(file + " failures:\n" + String.join("\n", failures), lines, passed);
    }

    private static String compare(CvssVersion version, Nomenclature nomenclature, String[] expected,
                                  CvssScores scores) {
        if (scores.version() != version) {
            return "version " + scores.version();
        }
        if (version == CvssVersion.V4_0) {
            if (expected.length != 1) {
                return "expected one score, line has " + expected.length;
            }
            if (!same(expected[0], scores.score())) {
                return "score " + scores.score();
            }
            return scores.nomenclature() == nomenclature ? null : "nomenclature " + scores.nomenclature();
        }
        if (expected.length != 3) {
            return "expected three scores, line has " + expected.length;
        }
        if (!same(expected[0], scores.base()) || !same(expected[1], scores.temporal())
                || !same(expected[2], scores.environmental())) {
            return "scores " + scores.base() + ", " + scores.temporal() + ", " + scores.environmental();
        }
        return scores.score().equals(scores.base()) ? null : "headline score is not the base score";
    }

    /** Exact comparison: "None" means absent, otherwise same value and one decimal place. */
    private static boolean same(String expected, BigDecimal actual) {
        if (expected.equals("None")) {
            return actual == null;
        }
        return actual != null && new BigDecimal(expected).equals(actual);
    }

    /** "(9.8, 9.8, 9.8)" -> three, "(9.2,)" -> one, "7.3" -> one. */
    private static String[] expectedScores(String text) {
        String inner = text.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : inner.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out.toArray(String[]::new);
    }

    private static List<String> read(String file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = CvssConformanceTest.class.getResourceAsStream("/cvss/" + file)) {
            assertNotNull("missing test resource /cvss/" + file, in);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
