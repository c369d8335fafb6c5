package org.ctemcycles.core.scoring.cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Base, temporal and environmental scores of CVSS v2.0 vectors (FIRST "A Complete Guide to the
 * CVSS Version 2.0", section 3.2).
 *
 * <p>All v2 weights are short decimals and every formula is a polynomial of them, so the whole
 * computation is done exactly in {@link BigDecimal}; "round_to_1_decimal" is then an exact
 * half-up rounding. v2 is legacy data, not a hot path, so exactness wins over speed here.
 */
final class Cvss2Scorer {

    private static final MetricTable T = MetricTable.V2;

    private static final int AV = T.indexOf("AV");
    private static final int AC = T.indexOf("AC");
    private static final int AU = T.indexOf("Au");
    private static final int C = T.indexOf("C");
    private static final int I = T.indexOf("I");
    private static final int A = T.indexOf("A");
    private static final int E = T.indexOf("E");
    private static final int RL = T.indexOf("RL");
    private static final int RC = T.indexOf("RC");
    private static final int CDP = T.indexOf("CDP");
    private static final int TD = T.indexOf("TD");
    private static final int CR = T.indexOf("CR");
    private static final int IR = T.indexOf("IR");
    private static final int AR = T.indexOf("AR");
    private static final int[] TEMPORAL = {E, RL, RC};
    private static final int[] ENVIRONMENTAL = {CDP, TD, CR, IR, AR};

    // v2 guide section 3.2.1-3.2.3.
    private static final BigDecimal[] AV_W = Weights.decimals(T, "AV", "L=0.395 A=0.646 N=1.0");
    private static final BigDecimal[] AC_W = Weights.decimals(T, "AC", "H=0.35 M=0.61 L=0.71");
    private static final BigDecimal[] AU_W = Weights.decimals(T, "Au", "M=0.45 S=0.56 N=0.704");
    private static final BigDecimal[] C_W = Weights.decimals(T, "C", "N=0.0 P=0.275 C=0.660");
    private static final BigDecimal[] I_W = Weights.decimals(T, "I", "N=0.0 P=0.275 C=0.660");
    private static final BigDecimal[] A_W = Weights.decimals(T, "A", "N=0.0 P=0.275 C=0.660");
    private static final BigDecimal[] E_W =
            Weights.decimals(T, "E", "U=0.85 POC=0.9 F=0.95 H=1.00 ND=1.00");
    private static final BigDecimal[] RL_W =
            Weights.decimals(T, "RL", "OF=0.87 TF=0.90 W=0.95 U=1.00 ND=1.00");
    private static final BigDecimal[] RC_W = Weights.decimals(T, "RC", "UC=0.90 UR=0.95 C=1.00 ND=1.00");
    private static final BigDecimal[] CDP_W =
            Weights.decimals(T, "CDP", "N=0 L=0.1 LM=0.3 MH=0.4 H=0.5 ND=0");
    private static final BigDecimal[] TD_W = Weights.decimals(T, "TD", "N=0 L=0.25 M=0.75 H=1.0 ND=1.0");
    private static final BigDecimal[] CR_W = Weights.decimals(T, "CR", "L=0.5 M=1.0 H=1.51 ND=1.0");
    private static final BigDecimal[] IR_W = Weights.decimals(T, "IR", "L=0.5 M=1.0 H=1.51 ND=1.0");
    private static final BigDecimal[] AR_W = Weights.decimals(T, "AR", "L=0.5 M=1.0 H=1.51 ND=1.0");

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal IMPACT_FACTOR = new BigDecimal("10.41");
    private static final BigDecimal EXPLOITABILITY_FACTOR = new BigDecimal("20");
    private static final BigDecimal IMPACT_SHARE = new BigDecimal("0.6");
    private static final BigDecimal EXPLOITABILITY_SHARE = new BigDecimal("0.4");
    private static final BigDecimal OFFSET = new BigDecimal("1.5");
    private static final BigDecimal F_IMPACT = new BigDecimal("1.176");

    private Cvss2Scorer() {
    }

    static CvssScores score(CvssVector v) {
        BigDecimal exploitability = EXPLOITABILITY_FACTOR
                .multiply(AV_W[v.code(AV)]).multiply(AC_W[v.code(AC)]).multiply(AU_W[v.code(AU)]);
        BigDecimal c = C_W[v.code(C)];
        BigDecimal i = I_W[v.code(I)];
        BigDecimal a = A_W[v.code(A)];
        BigDecimal base = baseEquation(impact(c, i, a), exploitability);
        BigDecimal temporalFactor =
                E_W[v.code(E)].multiply(RL_W[v.code(RL)]).multiply(RC_W[v.code(RC)]);

        BigDecimal temporal = null;
        if (anyDefined(v, TEMPORAL)) {
            temporal = round(base.multiply(temporalFactor));
        }
        BigDecimal environmental = null;
        if (anyDefined(v, ENVIRONMENTAL)) {
            BigDecimal adjustedImpact = impact(c.multiply(CR_W[v.code(CR)]),
                    i.multiply(IR_W[v.code(IR)]), a.multiply(AR_W[v.code(AR)])).min(TEN);
            BigDecimal adjustedTemporal =
                    round(baseEquation(adjustedImpact, exploitability).multiply(temporalFactor));
            BigDecimal cdp = CDP_W[v.code(CDP)];
            environmental = round(adjustedTemporal
                    .add(TEN.subtract(adjustedTemporal).multiply(cdp))
                    .multiply(TD_W[v.code(TD)]));
        }
        return CvssScores.legacy(CvssVersion.V2, tenths(base), tenths(temporal), tenths(environmental));
    }

    /** A group counts as present only if one of its metrics has a value other than ND. */
    private static boolean anyDefined(CvssVector v, int[] metrics) {
        for (int m : metrics) {
            if (v.code(m) != T.notDefined(m)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal impact(BigDecimal c, BigDecimal i, BigDecimal a) {
        BigDecimal untouched = BigDecimal.ONE.subtract(c)
                .multiply(BigDecimal.ONE.subtract(i))
                .multiply(BigDecimal.ONE.subtract(a));
        return IMPACT_FACTOR.multiply(BigDecimal.ONE.subtract(untouched));
    }

    private static BigDecimal baseEquation(BigDecimal impact, BigDecimal exploitability) {
        if (impact.signum() == 0) {
            // f(Impact) = 0. (Implementations that multiply by 0 show "-0.0" here; it is 0.0.)
            return BigDecimal.ZERO.setScale(1);
        }
        return round(IMPACT_SHARE.multiply(impact)
                .add(EXPLOITABILITY_SHARE.multiply(exploitability))
                .subtract(OFFSET)
                .multiply(F_IMPACT));
    }

    /**
     * round_to_1_decimal: half-up, exact. Negative intermediate values can arise when low
     * security requirements shrink the adjusted impact; final scores are floored at 0 like
     * the reference implementation does.
     */
    private static BigDecimal round(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal tenths(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return Tenths.of(Math.max(0, value.movePointRight(1).intValueExact()));
    }
}
