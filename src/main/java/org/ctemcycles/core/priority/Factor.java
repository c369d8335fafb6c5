package org.ctemcycles.core.priority;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One input of a decision and what it did to the score. The contributions of a decision's factors add up exactly to
 * its score (a {@link FactorKind#BOUND} factor records any clamping to 0-100).
 *
 * @param kind         what kind of input
 * @param contribution tenths of a point added to the score (negative lowers it; 0 for a recorded input that did not
 *                     move the score, such as an unknown exposure)
 * @param label        the input in words, e.g. "EPSS 0.94358 for CVE-2021-44228"
 * @param evidence     evidence of a compensating control or validation, or ""
 * @param provenance   where the input came from
 */
public record Factor(FactorKind kind, int contribution, String label, String evidence, Provenance provenance) {

    public Factor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provenance, "provenance");
        evidence = evidence == null ? "" : evidence;
    }

    /** The contribution in points, one decimal: e.g. 19.9 or -40.0. */
    public BigDecimal points() {
        return BigDecimal.valueOf(contribution, 1);
    }

    /** "+19.9", "-40.0" or "0.0". */
    public String signedPoints() {
        return (contribution > 0 ? "+" : "") + points().toPlainString();
    }
}
