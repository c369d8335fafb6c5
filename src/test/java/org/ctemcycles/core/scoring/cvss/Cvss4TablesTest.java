package org.ctemcycles.core.scoring.cvss;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Sanity checks of the v4.0 data tables that the conformance vectors cannot reach directly. */
public class Cvss4TablesTest {

    @Test
    public void macroVectorTableEndpoints() {
        assertEquals(100, Cvss4Tables.score(0, 0, Cvss4Tables.eq36(0, 0), 0, 0)); // "000000": 10
        assertEquals(99, Cvss4Tables.score(0, 0, Cvss4Tables.eq36(0, 1), 0, 0));  // "000001": 9.9
        assertEquals(1, Cvss4Tables.score(2, 1, Cvss4Tables.eq36(2, 1), 2, 2));   // "212221": 0.1
        assertEquals(-1, Cvss4Tables.eq36(2, 0)); // no "no High impact" vector can have EQ6 = 0
    }

    /**
     * Every combination of effective levels has a highest-severity vector in its MacroVector that
     * is at least as severe in every metric, so the interpolation distance is never negative.
     */
    @Test
    public void everyLevelCombinationHasAHighestSeverityVector() {
        int checked = 0;
        for (int av = 0; av < 4; av++) {
            for (int pr = 0; pr < 3; pr++) {
                for (int ui = 0; ui < 3; ui++) {
                    Cvss4Scorer.firstNotExceeded(Cvss4Tables.MAX_EQ1[Cvss4Scorer.eq1(av, pr, ui)],
                            new int[] {av, pr, ui});
                    checked++;
                }
            }
        }
        for (int ac = 0; ac < 2; ac++) {
            for (int at = 0; at < 2; at++) {
                Cvss4Scorer.firstNotExceeded(Cvss4Tables.MAX_EQ2[Cvss4Scorer.eq2(ac, at)], new int[] {ac, at});
                checked++;
            }
        }
        for (int code = 0; code < 729; code++) {
            int[] l = {code % 3, code / 3 % 3, code / 9 % 3, code / 27 % 3, code / 81 % 3, code / 243};
            int e36 = Cvss4Tables.eq36(Cvss4Scorer.eq3(l[0], l[1], l[2]),
                    Cvss4Scorer.eq6(l[0], l[1], l[2], l[3], l[4], l[5]));
            assertTrue(e36 >= 0);
            Cvss4Scorer.firstNotExceeded(Cvss4Tables.MAX_EQ36[e36], l);
            checked++;
        }
        for (int sc = 1; sc <= 3; sc++) { // SC has no Safety value
            for (int si = 0; si <= 3; si++) {
                for (int sa = 0; sa <= 3; sa++) {
                    Cvss4Scorer.firstNotExceeded(Cvss4Tables.MAX_EQ4[Cvss4Scorer.eq4(sc, si, sa)],
                            new int[] {sc, si, sa});
                    checked++;
                }
            }
        }
        assertEquals(36 + 4 + 729 + 48, checked);
    }
}
