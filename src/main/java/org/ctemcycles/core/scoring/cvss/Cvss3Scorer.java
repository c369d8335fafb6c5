package org.ctemcycles.core.scoring.cvss;

/**
 * Base, temporal and environmental scores of CVSS v3.0 and v3.1 vectors (v3.1 specification
 * section 7 and Appendix A; v3.0 specification section 8).
 *
 * <p>The sub-score formulas run in {@code double}; each result then passes through a rounding
 * step that first snaps away binary representation error (see {@link #roundUp}). Temporal and
 * environmental multiplications start from an already rounded score and weights with two
 * decimals, so they are done exactly in {@code long} arithmetic instead.
 */
final class Cvss3Scorer {

    private static final MetricTable T = MetricTable.V3;

    private static final int AV = T.indexOf("AV");
    private static final int AC = T.indexOf("AC");
    private static final int PR = T.indexOf("PR");
    private static final int UI = T.indexOf("UI");
    private static final int S = T.indexOf("S");
    private static final int C = T.indexOf("C");
    private static final int I = T.indexOf("I");
    private static final int A = T.indexOf("A");
    private static final int E = T.indexOf("E");
    private static final int RL = T.indexOf("RL");
    private static final int RC = T.indexOf("RC");
    private static final int CR = T.indexOf("CR");
    private static final int IR = T.indexOf("IR");
    private static final int AR = T.indexOf("AR");
    private static final int MAV = T.indexOf("MAV");
    private static final int MAC = T.indexOf("MAC");
    private static final int MPR = T.indexOf("MPR");
    private static final int MUI = T.indexOf("MUI");
    private static final int MS = T.indexOf("MS");
    private static final int MC = T.indexOf("MC");
    private static final int MI = T.indexOf("MI");
    private static final int MA = T.indexOf("MA");

    private static final int SCOPE_CHANGED = T.codeOf(S, "C");

    // v3.1 specification section 7.4, metric values (identical in v3.0).
    private static final double[] AV_W = Weights.doubles(T, "AV", "N=0.85 A=0.62 L=0.55 P=0.2");
    private static final double[] AC_W = Weights.doubles(T, "AC", "L=0.77 H=0.44");
    private static final double[] PR_UNCHANGED = Weights.doubles(T, "PR", "N=0.85 L=0.62 H=0.27");
    private static final double[] PR_CHANGED = Weights.doubles(T, "PR", "N=0.85 L=0.68 H=0.5");
    private static final double[] UI_W = Weights.doubles(T, "UI", "N=0.85 R=0.62");
    private static final double[] C_W = Weights.doubles(T, "C", "H=0.56 L=0.22 N=0");
    private static final double[] I_W = Weights.doubles(T, "I", "H=0.56 L=0.22 N=0");
    private static final double[] A_W = Weights.doubles(T, "A", "H=0.56 L=0.22 N=0");
    private static final double[] CR_W = Weights.doubles(T, "CR", "X=1 H=1.5 M=1 L=0.5");
    private static final double[] IR_W = Weights.doubles(T, "IR", "X=1 H=1.5 M=1 L=0.5");
    private static final double[] AR_W = Weights.doubles(T, "AR", "X=1 H=1.5 M=1 L=0.5");
    // Temporal weights in hundredths, for exact integer products.
    private static final int[] E_W = Weights.ints(T, "E", "X=100 H=100 F=97 P=94 U=91");
    private static final int[] RL_W = Weights.ints(T, "RL", "X=100 U=100 W=97 T=96 O=95");
    private static final int[] RC_W = Weights.ints(T, "RC", "X=100 C=100 R=96 U=92");

    private static final int[] MAV_BASE = Weights.modified(T, "MAV", "AV");
    private static final int[] MAC_BASE = Weights.modified(T, "MAC", "AC");
    private static final int[] MPR_BASE = Weights.modified(T, "MPR", "PR");
    private static final int[] MUI_BASE = Weights.modified(T, "MUI", "UI");
    private static final int[] MS_BASE = Weights.modified(T, "MS", "S");
    private static final int[] MC_BASE = Weights.modified(T, "MC", "C");
    private static final int[] MI_BASE = Weights.modified(T, "MI", "I");
    private static final int[] MA_BASE = Weights.modified(T, "MA", "A");

    private Cvss3Scorer() {
    }

    static CvssScores score(CvssVector v) {
        boolean v30 = v.version() == CvssVersion.V3_0;
        int av = v.code(AV);
        int ac = v.code(AC);
        int pr = v.code(PR);
        int ui = v.code(UI);
        int c = v.code(C);
        int i = v.code(I);
        int a = v.code(A);
        boolean changed = v.code(S) == SCOPE_CHANGED;

        double iss = 1 - (1 - C_W[c]) * (1 - I_W[i]) * (1 - A_W[a]);
        double impact = changed
                ? 7.52 * (iss - 0.029) - 3.25 * power(iss - 0.02, 15)
                : 6.42 * iss;
        int base = impact <= 0 ? 0
                : roundUp(v30, sum(changed, impact, exploitability(changed, av, ac, pr, ui)));

        // Modified metrics replace their base metric unless Not Defined.
        boolean mChanged = modified(MS_BASE, v.code(MS), v.code(S)) == SCOPE_CHANGED;
        int mc = modified(MC_BASE, v.code(MC), c);
        int mi = modified(MI_BASE, v.code(MI), i);
        int ma = modified(MA_BASE, v.code(MA), a);
        double miss = Math.min(1 - (1 - C_W[mc] * CR_W[v.code(CR)])
                * (1 - I_W[mi] * IR_W[v.code(IR)])
                * (1 - A_W[ma] * AR_W[v.code(AR)]), 0.915);
        double mImpact;
        if (!mChanged) {
            mImpact = 6.42 * miss;
        } else if (v30) {
            mImpact = 7.52 * (miss - 0.029) - 3.25 * power(miss - 0.02, 15);
        } else {
            // v3.1 changed the modified-impact formula for a changed scope (0.9731, ^13);
            // that is why an all-X environment can score above the base (e.g. 9.6 -> 9.7).
            mImpact = 7.52 * (miss - 0.029) - 3.25 * power(miss * 0.9731 - 0.02, 13);
        }
        double mExpl = exploitability(mChanged,
                modified(MAV_BASE, v.code(MAV), av),
                modified(MAC_BASE, v.code(MAC), ac),
                modified(MPR_BASE, v.code(MPR), pr),
                modified(MUI_BASE, v.code(MUI), ui));
        int modifiedBase = mImpact <= 0 ? 0 : roundUp(v30, sum(mChanged, mImpact, mExpl));

        int factor = E_W[v.code(E)] * RL_W[v.code(RL)] * RC_W[v.code(RC)];
        int temporal = roundUpProduct(v30, base, factor);
        int environmental = roundUpProduct(v30, modifiedBase, factor);
        return CvssScores.legacy(v.version(),
                Tenths.of(base), Tenths.of(temporal), Tenths.of(environmental));
    }

    /**
     * {@code x^n} by repeated squaring: several times faster than {@link Math#pow} for these
     * small exponents, and its last-bit differences are absorbed by {@link #roundUp} (the unit
     * tests compare every combination against exact arithmetic).
     */
    static double power(double x, int n) {
        double result = 1;
        double square = x;
        for (int k = n; k > 0; k >>= 1) {
            if ((k & 1) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }

    private static int modified(int[] toBase, int modifiedCode, int baseCode) {
        int mapped = toBase[modifiedCode];
        return mapped < 0 ? baseCode : mapped;
    }

    private static double exploitability(boolean changed, int av, int ac, int pr, int ui) {
        return 8.22 * AV_W[av] * AC_W[ac] * (changed ? PR_CHANGED : PR_UNCHANGED)[pr] * UI_W[ui];
    }

    private static double sum(boolean changed, double impact, double exploitability) {
        return Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10);
    }

    /**
     * Rounds a formula result up to tenths, returning tenths.
     *
     * <p>v3.1: the specification's Appendix A Roundup: round to 5 decimals as an integer, then
     * ceil to one decimal, so a value like 4.000000000001 (binary error) yields 4.0.
     *
     * <p>v3.0: the specification defines plain ceiling to one decimal, applied to the exact
     * value. We snap the double to 9 decimals first: its error is about 1e-15, so values that are
     * exactly a tenth (which occur) are not pushed up, while exact values just above a tenth
     * would have to lie within 5e-10 of it to be misjudged; the unit tests check exhaustively
     * against exact decimal arithmetic that no base or environmental combination does.
     */
    static int roundUp(boolean v30, double x) {
        if (v30) {
            long nanos = Math.round(x * 1e9);
            return (int) ((nanos + 99_999_999) / 100_000_000);
        }
        long i = Math.round(x * 100_000);
        return (int) (i % 10_000 == 0 ? i / 10_000 : i / 10_000 + 1);
    }

    /**
     * Rounds up {@code tenths/10 * factor/10^6} (a rounded score times three two-decimal
     * weights) exactly, returning tenths.
     */
    static int roundUpProduct(boolean v30, int tenths, int factor) {
        long product = (long) tenths * factor; // units of 1e-7
        if (v30) {
            return (int) ((product + 999_999) / 1_000_000);
        }
        long i = (product + 50) / 100; // Appendix A step 1, exact: round half up to 1e-5
        return (int) (i % 10_000 == 0 ? i / 10_000 : i / 10_000 + 1);
    }
}
