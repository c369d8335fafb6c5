package org.ctemcycles.core.scoring.cvss;

import java.util.Arrays;

/**
 * The CVSS v4.0 score (specification section 8): MacroVector lookup, then interpolation by the
 * vector's severity distance from the MacroVector's highest-severity vector.
 *
 * <p>Everything is exact integer arithmetic. Table scores are tenths, distances are whole level
 * steps and depths are at most 10, so the interpolated score is a fraction with denominator
 * {@code 2520 * n} (2520 = lcm(1..10), n = number of lower MacroVectors, at most 5), rounded
 * half up exactly. The reference calculator computes in binary floating point and adds 1e-6
 * before rounding to repair results that land one ulp below a .x5 tie; since a non-tie fraction
 * of that denominator lies at least 1/(20 * 2520 * 5) = 4e-6 away from any tie, exact rounding
 * and the repaired reference rounding agree on every vector.
 */
final class Cvss4Scorer {

    private static final MetricTable T = MetricTable.V4;

    /** Common multiple of every depth, so that each interpolation term is an integer. */
    private static final int LCM = 2520;

    private static final int AV = T.indexOf("AV");
    private static final int AC = T.indexOf("AC");
    private static final int AT = T.indexOf("AT");
    private static final int PR = T.indexOf("PR");
    private static final int UI = T.indexOf("UI");
    private static final int VC = T.indexOf("VC");
    private static final int VI = T.indexOf("VI");
    private static final int VA = T.indexOf("VA");
    private static final int SC = T.indexOf("SC");
    private static final int SI = T.indexOf("SI");
    private static final int SA = T.indexOf("SA");
    private static final int E = T.indexOf("E");
    private static final int CR = T.indexOf("CR");
    private static final int IR = T.indexOf("IR");
    private static final int AR = T.indexOf("AR");
    private static final int MAV = T.indexOf("MAV");
    private static final int MAC = T.indexOf("MAC");
    private static final int MAT = T.indexOf("MAT");
    private static final int MPR = T.indexOf("MPR");
    private static final int MUI = T.indexOf("MUI");
    private static final int MVC = T.indexOf("MVC");
    private static final int MVI = T.indexOf("MVI");
    private static final int MVA = T.indexOf("MVA");
    private static final int MSC = T.indexOf("MSC");
    private static final int MSI = T.indexOf("MSI");
    private static final int MSA = T.indexOf("MSA");

    /** Metrics whose definition makes a score CVSS-xE: requirements and modified base metrics. */
    private static final int[] ENVIRONMENTAL = {
        CR, IR, AR, MAV, MAC, MAT, MPR, MUI, MVC, MVI, MVA, MSC, MSI, MSA};

    // Levels per value code (see Cvss4Tables); -1 in a modified metric means X, "use the base".
    private static final int[] AV_L = Weights.ints(T, "AV", "N=0 A=1 L=2 P=3");
    private static final int[] AC_L = Weights.ints(T, "AC", "L=0 H=1");
    private static final int[] AT_L = Weights.ints(T, "AT", "N=0 P=1");
    private static final int[] PR_L = Weights.ints(T, "PR", "N=0 L=1 H=2");
    private static final int[] UI_L = Weights.ints(T, "UI", "N=0 P=1 A=2");
    private static final int[] VC_L = Weights.ints(T, "VC", "H=0 L=1 N=2");
    private static final int[] VI_L = Weights.ints(T, "VI", "H=0 L=1 N=2");
    private static final int[] VA_L = Weights.ints(T, "VA", "H=0 L=1 N=2");
    private static final int[] SC_L = Weights.ints(T, "SC", "H=1 L=2 N=3");
    private static final int[] SI_L = Weights.ints(T, "SI", "H=1 L=2 N=3");
    private static final int[] SA_L = Weights.ints(T, "SA", "H=1 L=2 N=3");
    private static final int[] MAV_L = Weights.ints(T, "MAV", "X=-1 N=0 A=1 L=2 P=3");
    private static final int[] MAC_L = Weights.ints(T, "MAC", "X=-1 L=0 H=1");
    private static final int[] MAT_L = Weights.ints(T, "MAT", "X=-1 N=0 P=1");
    private static final int[] MPR_L = Weights.ints(T, "MPR", "X=-1 N=0 L=1 H=2");
    private static final int[] MUI_L = Weights.ints(T, "MUI", "X=-1 N=0 P=1 A=2");
    private static final int[] MVC_L = Weights.ints(T, "MVC", "X=-1 H=0 L=1 N=2");
    private static final int[] MVI_L = Weights.ints(T, "MVI", "X=-1 H=0 L=1 N=2");
    private static final int[] MVA_L = Weights.ints(T, "MVA", "X=-1 H=0 L=1 N=2");
    private static final int[] MSC_L = Weights.ints(T, "MSC", "X=-1 H=1 L=2 N=3");
    private static final int[] MSI_L = Weights.ints(T, "MSI", "X=-1 S=0 H=1 L=2 N=3");
    private static final int[] MSA_L = Weights.ints(T, "MSA", "X=-1 S=0 H=1 L=2 N=3");
    // Not Defined requirements and exploit maturity count as the worst case (spec sections 3, 4).
    private static final int[] CR_L = Weights.ints(T, "CR", "X=0 H=0 M=1 L=2");
    private static final int[] IR_L = Weights.ints(T, "IR", "X=0 H=0 M=1 L=2");
    private static final int[] AR_L = Weights.ints(T, "AR", "X=0 H=0 M=1 L=2");
    private static final int[] E_L = Weights.ints(T, "E", "X=0 A=0 P=1 U=2");

    private Cvss4Scorer() {
    }

    static CvssScores score(CvssVector v) {
        Nomenclature nomenclature = Nomenclature.of(v.code(E) != T.notDefined(E), anyDefined(v));

        // Effective values: a modified metric overrides its base metric unless X.
        int av = level(v, AV, AV_L, MAV, MAV_L);
        int ac = level(v, AC, AC_L, MAC, MAC_L);
        int at = level(v, AT, AT_L, MAT, MAT_L);
        int pr = level(v, PR, PR_L, MPR, MPR_L);
        int ui = level(v, UI, UI_L, MUI, MUI_L);
        int vc = level(v, VC, VC_L, MVC, MVC_L);
        int vi = level(v, VI, VI_L, MVI, MVI_L);
        int va = level(v, VA, VA_L, MVA, MVA_L);
        int sc = level(v, SC, SC_L, MSC, MSC_L);
        int si = level(v, SI, SI_L, MSI, MSI_L);
        int sa = level(v, SA, SA_L, MSA, MSA_L);
        int cr = CR_L[v.code(CR)];
        int ir = IR_L[v.code(IR)];
        int ar = AR_L[v.code(AR)];
        int e = E_L[v.code(E)];

        // No impact on any system scores 0 whatever else is set (checked on effective values).
        if (vc == 2 && vi == 2 && va == 2 && sc == 3 && si == 3 && sa == 3) {
            return CvssScores.v4(Tenths.of(0), nomenclature);
        }

        int eq1 = eq1(av, pr, ui);
        int eq2 = eq2(ac, at);
        int eq3 = eq3(vc, vi, va);
        int eq4 = eq4(sc, si, sa);
        int eq5 = e;
        int eq6 = eq6(vc, vi, va, cr, ir, ar);
        int e36 = Cvss4Tables.eq36(eq3, eq6);
        int value = Cvss4Tables.score(eq1, eq2, e36, eq4, eq5);

        // Highest-severity vector of this MacroVector that the vector does not exceed.
        int[] eq1Actual = {av, pr, ui};
        int[] eq2Actual = {ac, at};
        int[] eq36Actual = {vc, vi, va, cr, ir, ar};
        int[] eq4Actual = {sc, si, sa};
        int[][] max1 = Cvss4Tables.MAX_EQ1[eq1];
        int[][] max2 = Cvss4Tables.MAX_EQ2[eq2];
        int[][] max36 = Cvss4Tables.MAX_EQ36[e36];
        int[][] max4 = Cvss4Tables.MAX_EQ4[eq4];
        int i1 = firstNotExceeded(max1, eq1Actual);
        int i2 = firstNotExceeded(max2, eq2Actual);
        int i36 = firstNotExceeded(max36, eq36Actual);
        int i4 = firstNotExceeded(max4, eq4Actual);

        // Each existing lower MacroVector contributes (score gap) * (distance / depth).
        int lowerCount = 0;
        long sum = 0; // in units of 1/LCM tenths
        if (eq1 < 2) {
            lowerCount++;
            int gap = value - Cvss4Tables.score(eq1 + 1, eq2, e36, eq4, eq5);
            sum += (long) gap * distance(max1[i1], eq1Actual) * (LCM / Cvss4Tables.DEPTH_EQ1[eq1]);
        }
        if (eq2 < 1) {
            lowerCount++;
            int gap = value - Cvss4Tables.score(eq1, eq2 + 1, e36, eq4, eq5);
            sum += (long) gap * distance(max2[i2], eq2Actual) * (LCM / Cvss4Tables.DEPTH_EQ2[eq2]);
        }
        int lower36 = lowerEq36Score(eq1, eq2, e36, eq4, eq5);
        if (lower36 >= 0) {
            lowerCount++;
            int gap = value - lower36;
            sum += (long) gap * distance(max36[i36], eq36Actual) * (LCM / Cvss4Tables.DEPTH_EQ36[e36]);
        }
        if (eq4 < 2) {
            lowerCount++;
            int gap = value - Cvss4Tables.score(eq1, eq2, e36, eq4 + 1, eq5);
            sum += (long) gap * distance(max4[i4], eq4Actual) * (LCM / Cvss4Tables.DEPTH_EQ4[eq4]);
        }
        if (eq5 < 2) {
            // EQ5 has a single vector per level, so its proportion is always 0, but an existing
            // lower MacroVector still counts towards the mean, as in the reference.
            lowerCount++;
        }
        if (lowerCount == 0) {
            return CvssScores.v4(Tenths.of(value), nomenclature);
        }
        long denominator = (long) LCM * lowerCount;
        long numerator = value * denominator - sum; // score in tenths = numerator / denominator
        int tenths;
        if (numerator <= 0) {
            tenths = 0;
        } else if (numerator >= 100 * denominator) {
            tenths = 100;
        } else {
            tenths = (int) ((2 * numerator + denominator) / (2 * denominator)); // half up
        }
        return CvssScores.v4(Tenths.of(tenths), nomenclature);
    }

    private static boolean anyDefined(CvssVector v) {
        for (int m : ENVIRONMENTAL) {
            if (v.code(m) != T.notDefined(m)) {
                return true;
            }
        }
        return false;
    }

    private static int level(CvssVector v, int base, int[] baseLevels, int modified, int[] modifiedLevels) {
        int m = modifiedLevels[v.code(modified)];
        return m >= 0 ? m : baseLevels[v.code(base)];
    }

    /**
     * Score of the next lower MacroVector along EQ3+EQ6, or -1 if there is none. From 00 there
     * are two (01 and 10); the higher-scoring one is used.
     */
    private static int lowerEq36Score(int eq1, int eq2, int e36, int eq4, int eq5) {
        return switch (e36) {
            case 0 -> Math.max(Cvss4Tables.score(eq1, eq2, Cvss4Tables.eq36(0, 1), eq4, eq5),
                    Cvss4Tables.score(eq1, eq2, Cvss4Tables.eq36(1, 0), eq4, eq5));
            case 1, 2 -> Cvss4Tables.score(eq1, eq2, Cvss4Tables.eq36(1, 1), eq4, eq5);
            case 3 -> Cvss4Tables.score(eq1, eq2, Cvss4Tables.eq36(2, 1), eq4, eq5);
            default -> -1;
        };
    }

    // Equivalence sets of the specification's scoring section, on effective levels.

    static int eq1(int av, int pr, int ui) {
        if (av == 0 && pr == 0 && ui == 0) {
            return 0;
        }
        return (av == 0 || pr == 0 || ui == 0) && av != 3 ? 1 : 2;
    }

    static int eq2(int ac, int at) {
        return ac == 0 && at == 0 ? 0 : 1;
    }

    static int eq3(int vc, int vi, int va) {
        if (vc == 0 && vi == 0) {
            return 0;
        }
        return vc == 0 || vi == 0 || va == 0 ? 1 : 2;
    }

    /** Level 0 needs a Safety (S) subsequent integrity or availability impact. */
    static int eq4(int sc, int si, int sa) {
        if (si == 0 || sa == 0) {
            return 0;
        }
        return sc == 1 || si == 1 || sa == 1 ? 1 : 2;
    }

    static int eq6(int vc, int vi, int va, int cr, int ir, int ar) {
        return (cr == 0 && vc == 0) || (ir == 0 && vi == 0) || (ar == 0 && va == 0) ? 0 : 1;
    }

    /**
     * Index of the first candidate that is at least as severe as the actual values in every
     * metric. The reference tries candidate combinations in order and takes the first that
     * fits; since each EQ's candidates constrain only that EQ's metrics, taking the first fit
     * per EQ is the same. Every level combination has a fit (checked exhaustively by the unit
     * tests), so not finding one means the tables are broken.
     */
    static int firstNotExceeded(int[][] candidates, int[] actual) {
        outer:
        for (int c = 0; c < candidates.length; c++) {
            for (int k = 0; k < actual.length; k++) {
                if (actual[k] < candidates[c][k]) {
                    continue outer;
                }
            }
            return c;
        }
        throw new IllegalStateException("no highest-severity vector fits levels "
                + Arrays.toString(actual));
    }

    /** Severity distance in level steps: how much less severe the actual values are. */
    private static int distance(int[] max, int[] actual) {
        int d = 0;
        for (int k = 0; k < actual.length; k++) {
            d += actual[k] - max[k];
        }
        return d;
    }
}
