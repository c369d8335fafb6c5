package org.ctemcycles.core.scoring.cvss;

/**
 * CVSS v4.0 score nomenclature: which metric groups contributed to a v4.0 score.
 *
 * <p>The v4.0 specification (section 1.3) requires a score to be reported together with this
 * label, because a single number may or may not include threat (T) and environmental (E)
 * metrics. Supplemental metrics never contribute and have no letter.
 */
public enum Nomenclature {
    CVSS_B("CVSS-B"),
    CVSS_BT("CVSS-BT"),
    CVSS_BE("CVSS-BE"),
    CVSS_BTE("CVSS-BTE");

    private final String label;

    Nomenclature(String label) {
        this.label = label;
    }

    /** The label as the specification writes it, e.g. {@code "CVSS-BT"}. */
    public String label() {
        return label;
    }

    static Nomenclature of(boolean threat, boolean environmental) {
        if (threat) {
            return environmental ? CVSS_BTE : CVSS_BT;
        }
        return environmental ? CVSS_BE : CVSS_B;
    }

    @Override
    public String toString() {
        return label;
    }
}
