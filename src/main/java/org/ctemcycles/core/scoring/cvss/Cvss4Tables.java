package org.ctemcycles.core.scoring.cvss;

/**
 * The data tables of the CVSS v4.0 scoring algorithm: the score of every MacroVector, the depth
 * of every equivalence-class level, and the highest-severity vectors of every level.
 *
 * <p>The data are those of the FIRST v4.0 reference calculator, to which the v4.0 specification
 * refers for them (github.com/FIRSTdotorg/cvss-v4-calculator, files {@code cvss_lookup.js},
 * {@code max_severity.js}, {@code max_composed.js}; BSD-2-Clause, Copyright FIRST, Red Hat, and
 * contributors). They were transcribed from the same data as republished by
 * RedHatProductSecurity/cvss and are checked by the conformance tests; the layout and encoding
 * here are this package's own.
 *
 * <p>Metric values appear as "levels": 0 is the most severe value and each step down the
 * specification's value list adds 1 (the reference calculator's 0.1 steps, times ten):
 * AV N0 A1 L2 P3; AC L0 H1; AT N0 P1; PR N0 L1 H2; UI N0 P1 A2; VC/VI/VA H0 L1 N2;
 * SC H1 L2 N3; SI/SA S0 H1 L2 N3 (S only via MSI/MSA); CR/IR/AR H0 M1 L2 (X counts as H);
 * E A0 P1 U2 (X counts as A).
 */
final class Cvss4Tables {

    /** Number of (EQ3, EQ6) combinations: 00, 01, 10, 11, 21 (EQ3=2 forces EQ6=1). */
    static final int EQ36_COMBINATIONS = 5;

    /** Index of an (EQ3, EQ6) pair, or -1 if the pair does not exist. */
    static int eq36(int eq3, int eq6) {
        return switch (eq3 * 2 + eq6) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 5 -> 4;
            default -> -1;
        };
    }

    /**
     * Score in tenths of the MacroVector (EQ1, EQ2, EQ3+EQ6, EQ4, EQ5); {@code eq36} as from
     * {@link #eq36}.
     */
    static int score(int eq1, int eq2, int eq36, int eq4, int eq5) {
        return SCORES[(((eq1 * 2 + eq2) * EQ36_COMBINATIONS + eq36) * 3 + eq4) * 3 + eq5];
    }

    /**
     * MacroVector scores in tenths, in the order {@link #score} indexes them. One row per (EQ1, EQ2, EQ3+EQ6);
     * the nine columns are (EQ4, EQ5) = 00 01 02 10 11 12 20 21 22.
     */
    private static final int[] SCORES = parseRows(
            "100  98  95 100  93  91  93  89  81", // EQ1=0 EQ2=0 EQ3,EQ6=00
            " 99  95  92  96  87  81  90  80  68", // EQ1=0 EQ2=0 EQ3,EQ6=01
            " 98  95  90  93  89  81  88  78  69", // EQ1=0 EQ2=0 EQ3,EQ6=10
            " 95  92  84  92  81  65  80  70  48", // EQ1=0 EQ2=0 EQ3,EQ6=11
            " 92  82  72  79  69  50  69  55  27", // EQ1=0 EQ2=0 EQ3,EQ6=21
            " 99  95  92  95  90  84  92  82  72", // EQ1=0 EQ2=1 EQ3,EQ6=00
            " 97  92  85  91  83  71  81  71  53", // EQ1=0 EQ2=1 EQ3,EQ6=01
            " 95  92  85  92  80  70  84  71  50", // EQ1=0 EQ2=1 EQ3,EQ6=10
            " 93  85  73  82  72  59  70  52  30", // EQ1=0 EQ2=1 EQ3,EQ6=11
            " 86  75  52  71  52  29  63  29  17", // EQ1=0 EQ2=1 EQ3,EQ6=21
            " 98  94  91  94  86  77  87  74  63", // EQ1=1 EQ2=0 EQ3,EQ6=00
            " 95  87  81  89  74  64  75  63  49", // EQ1=1 EQ2=0 EQ3,EQ6=01
            " 94  88  76  86  74  59  72  57  52", // EQ1=1 EQ2=0 EQ3,EQ6=10
            " 89  77  67  76  58  50  57  52  25", // EQ1=1 EQ2=0 EQ3,EQ6=11
            " 83  70  54  65  58  26  53  21  13", // EQ1=1 EQ2=0 EQ3,EQ6=21
            " 95  88  76  90  75  61  77  68  52", // EQ1=1 EQ2=1 EQ3,EQ6=00
            " 90  76  70  77  62  53  66  59  30", // EQ1=1 EQ2=1 EQ3,EQ6=01
            " 89  76  62  74  57  47  61  57  24", // EQ1=1 EQ2=1 EQ3,EQ6=10
            " 78  67  58  59  57  23  52  29  16", // EQ1=1 EQ2=1 EQ3,EQ6=11
            " 71  59  30  58  26  15  23  13   6", // EQ1=1 EQ2=1 EQ3,EQ6=21
            " 93  86  75  86  74  56  70  52  40", // EQ1=2 EQ2=0 EQ3,EQ6=00
            " 87  72  58  74  61  34  54  40  22", // EQ1=2 EQ2=0 EQ3,EQ6=01
            " 85  74  62  72  55  46  53  34  19", // EQ1=2 EQ2=0 EQ3,EQ6=10
            " 75  55  51  57  41  19  36  19   8", // EQ1=2 EQ2=0 EQ3,EQ6=11
            " 64  51  20  47  21  11  24   9   4", // EQ1=2 EQ2=0 EQ3,EQ6=21
            " 88  73  60  73  59  41  54  45  20", // EQ1=2 EQ2=1 EQ3,EQ6=00
            " 75  53  50  55  40  20  43  22  11", // EQ1=2 EQ2=1 EQ3,EQ6=01
            " 75  58  40  61  48  20  46  17   8", // EQ1=2 EQ2=1 EQ3,EQ6=10
            " 55  45  21  51  18   9  18   7   2", // EQ1=2 EQ2=1 EQ3,EQ6=11
            " 53  24  14  24  12   5  10   3   1"); // EQ1=2 EQ2=1 EQ3,EQ6=21

    // Depth of each level ("max_severity"), in level steps: how far the least severe vector of
    // the level lies from its highest-severity vector.
    static final int[] DEPTH_EQ1 = {1, 4, 5};
    static final int[] DEPTH_EQ2 = {1, 2};
    /** Indexed by {@link #eq36}: 00, 01, 10, 11, 21. */
    static final int[] DEPTH_EQ36 = {7, 6, 8, 8, 10};
    static final int[] DEPTH_EQ4 = {6, 5, 4};

    // Highest-severity vectors of each level ("max_composed"), as levels, in the reference
    // order: when several qualify, the first one is used.

    /** Per EQ1 level: {AV, PR, UI}. */
    static final int[][][] MAX_EQ1 = {
            {{0, 0, 0}},                        // AV:N/PR:N/UI:N
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},  // AV:A/PR:N/UI:N, AV:N/PR:L/UI:N, AV:N/PR:N/UI:P
            {{3, 0, 0}, {1, 1, 1}},             // AV:P/PR:N/UI:N, AV:A/PR:L/UI:P
    };

    /** Per EQ2 level: {AC, AT}. */
    static final int[][][] MAX_EQ2 = {
            {{0, 0}},          // AC:L/AT:N
            {{1, 0}, {0, 1}},  // AC:H/AT:N, AC:L/AT:P
    };

    /** Per {@link #eq36} index: {VC, VI, VA, CR, IR, AR}. */
    static final int[][][] MAX_EQ36 = {
            {{0, 0, 0, 0, 0, 0}},   // 00: VC:H/VI:H/VA:H/CR:H/IR:H/AR:H
            {{0, 0, 1, 1, 1, 0},    // 01: VC:H/VI:H/VA:L/CR:M/IR:M/AR:H
             {0, 0, 0, 1, 1, 1}},   //     VC:H/VI:H/VA:H/CR:M/IR:M/AR:M
            {{1, 0, 0, 0, 0, 0},    // 10: VC:L/VI:H/VA:H/CR:H/IR:H/AR:H
             {0, 1, 0, 0, 0, 0}},   //     VC:H/VI:L/VA:H/CR:H/IR:H/AR:H
            {{1, 0, 1, 0, 1, 0},    // 11: VC:L/VI:H/VA:L/CR:H/IR:M/AR:H
             {1, 0, 0, 0, 1, 1},    //     VC:L/VI:H/VA:H/CR:H/IR:M/AR:M
             {0, 1, 0, 1, 0, 1},    //     VC:H/VI:L/VA:H/CR:M/IR:H/AR:M
             {0, 1, 1, 1, 0, 0},    //     VC:H/VI:L/VA:L/CR:M/IR:H/AR:H
             {1, 1, 0, 0, 0, 1}},   //     VC:L/VI:L/VA:H/CR:H/IR:H/AR:M
            {{1, 1, 1, 0, 0, 0}},   // 21: VC:L/VI:L/VA:L/CR:H/IR:H/AR:H
    };

    /** Per EQ4 level: {SC, SI, SA}. */
    static final int[][][] MAX_EQ4 = {
            {{1, 0, 0}},  // SC:H/SI:S/SA:S
            {{1, 1, 1}},  // SC:H/SI:H/SA:H
            {{2, 2, 2}},  // SC:L/SI:L/SA:L
    };

    private Cvss4Tables() {
    }

    private static int[] parseRows(String... rows) {
        int[] out = new int[rows.length * 9];
        int k = 0;
        for (String row : rows) {
            for (String cell : row.trim().split("\\s+")) {
                out[k++] = Integer.parseInt(cell);
            }
        }
        if (k != 3 * 2 * EQ36_COMBINATIONS * 3 * 3) {
            throw new IllegalStateException("MacroVector table has " + k + " entries");
        }
        return out;
    }
}
