package org.ctemcycles.core.scoring.cvss;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.Test;

/**
 * Checks that the v3.x double-based rounding gives the same result as evaluating the formulas in
 * exact decimal arithmetic, for every base-metric combination and every combination of the
 * metrics that enter the environmental sub-score (modified base metrics and requirements).
 *
 * <p>The reference here is deliberately naive and slow: {@link BigDecimal} with no rounding
 * until the final step (v3.0: ceiling to one decimal; v3.1: Appendix A Roundup).
 */
public class Cvss3ExactRoundingTest {

    private static final String[] AV = {"N", "A", "L", "P"};
    private static final String[] AC = {"L", "H"};
    private static final String[] PR = {"N", "L", "H"};
    private static final String[] UI = {"N", "R"};
    private static final String[] SCOPE = {"U", "C"};
    private static final String[] CIA = {"H", "L", "N"};
    private static final String[] REQ = {"H", "M", "L"};

    private final CvssCalculator calculator = new CvssCalculator();

    @Test
    public void everyBaseCombinationRoundsAsExactArithmetic() {
        for (CvssVersion version : new CvssVersion[] {CvssVersion.V3_0, CvssVersion.V3_1}) {
            int count = 0;
            for (String av : AV) {
                for (String ac : AC) {
                    for (String pr : PR) {
                        for (String ui : UI) {
                            for (String s : SCOPE) {
                                for (String c : CIA) {
                                    for (String i : CIA) {
                                        for (String a : CIA) {
                                            String vector = version.prefix() + "/AV:" + av + "/AC:" + ac
                                                    + "/PR:" + pr + "/UI:" + ui + "/S:" + s
                                                    + "/C:" + c + "/I:" + i + "/A:" + a;
                                            BigDecimal expected = exact(version, false, av, ac, pr, ui, s,
                                                    c, i, a, "M", "M", "M");
                                            assertEquals(vector, expected, calculator.score(vector).base());
                                            count++;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertEquals(2592, count);
        }
    }

    @Test
    public void everyEnvironmentalCombinationRoundsAsExactArithmetic() {
        String base = "/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N";
        for (CvssVersion version : new CvssVersion[] {CvssVersion.V3_0, CvssVersion.V3_1}) {
            int count = 0;
            for (String av : AV) {
                for (String ac : AC) {
                    for (String pr : PR) {
                        for (String ui : UI) {
                            for (String s : SCOPE) {
                                for (String c : CIA) {
                                    for (String i : CIA) {
                                        for (String a : CIA) {
                                            for (String cr : REQ) {
                                                for (String ir : REQ) {
                                                    for (String ar : REQ) {
                                                        String vector = version.prefix() + base
                                                                + "/CR:" + cr + "/IR:" + ir + "/AR:" + ar
                                                                + "/MAV:" + av + "/MAC:" + ac + "/MPR:" + pr
                                                                + "/MUI:" + ui + "/MS:" + s + "/MC:" + c
                                                                + "/MI:" + i + "/MA:" + a;
                                                        BigDecimal expected = exact(version, true, av, ac,
                                                                pr, ui, s, c, i, a, cr, ir, ar);
                                                        assertEquals(vector, expected,
                                                                calculator.score(vector).environmental());
                                                        count++;
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertEquals(2592 * 27, count);
        }
    }

    /** Base (environmental=false) or unrounded-temporal environmental score, exactly. */
    private static BigDecimal exact(CvssVersion version, boolean environmental, String av, String ac,
                                    String pr, String ui, String s, String c, String i, String a,
                                    String cr, String ir, String ar) {
        boolean changed = s.equals("C");
        BigDecimal one = BigDecimal.ONE;
        BigDecimal untouched = one.subtract(cia(c).multiply(req(cr)))
                .multiply(one.subtract(cia(i).multiply(req(ir))))
                .multiply(one.subtract(cia(a).multiply(req(ar))));
        BigDecimal iss = one.subtract(untouched);
        BigDecimal impact;
        if (environmental) {
            iss = iss.min(d("0.915"));
        }
        if (!changed) {
            impact = d("6.42").multiply(iss);
        } else if (environmental && version == CvssVersion.V3_1) {
            impact = d("7.52").multiply(iss.subtract(d("0.029")))
                    .subtract(d("3.25").multiply(iss.multiply(d("0.9731")).subtract(d("0.02")).pow(13)));
        } else {
            impact = d("7.52").multiply(iss.subtract(d("0.029")))
                    .subtract(d("3.25").multiply(iss.subtract(d("0.02")).pow(15)));
        }
        if (impact.signum() <= 0) {
            return new BigDecimal("0.0");
        }
        BigDecimal exploitability = d("8.22").multiply(switch (av) {
            case "N" -> d("0.85");
            case "A" -> d("0.62");
            case "L" -> d("0.55");
            default -> d("0.2");
        }).multiply(ac.equals("L") ? d("0.77") : d("0.44")).multiply(switch (pr) {
            case "N" -> d("0.85");
            case "L" -> changed ? d("0.68") : d("0.62");
            default -> changed ? d("0.5") : d("0.27");
        }).multiply(ui.equals("N") ? d("0.85") : d("0.62"));
        BigDecimal sum = impact.add(exploitability);
        if (changed) {
            sum = sum.multiply(d("1.08"));
        }
        return roundUp(version, sum.min(BigDecimal.TEN));
    }

    private static BigDecimal roundUp(CvssVersion version, BigDecimal x) {
        if (version == CvssVersion.V3_0) {
            return x.setScale(1, RoundingMode.CEILING);
        }
        long i = x.movePointRight(5).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long tenths = i % 10_000 == 0 ? i / 10_000 : i / 10_000 + 1;
        return BigDecimal.valueOf(tenths, 1);
    }

    private static BigDecimal cia(String value) {
        return switch (value) {
            case "H" -> d("0.56");
            case "L" -> d("0.22");
            default -> BigDecimal.ZERO;
        };
    }

    private static BigDecimal req(String value) {
        return switch (value) {
            case "H" -> d("1.5");
            case "L" -> d("0.5");
            default -> BigDecimal.ONE;
        };
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }
}
