package org.ctemcycles.core.scoring.cvss;

import java.math.BigDecimal;

/**
 * Conversion of scores held as whole tenths (0..100) into one-decimal {@link BigDecimal}s.
 *
 * <p>The calculators work in integer tenths so that no binary fraction ever reaches a result;
 * the 101 possible results are shared constants, so producing one allocates nothing.
 */
final class Tenths {

    private static final BigDecimal[] VALUES = new BigDecimal[101];

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = BigDecimal.valueOf(i, 1);
        }
    }

    private Tenths() {
    }

    static BigDecimal of(int tenths) {
        return VALUES[tenths];
    }
}
