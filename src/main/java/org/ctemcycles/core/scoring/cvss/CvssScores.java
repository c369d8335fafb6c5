package org.ctemcycles.core.scoring.cvss;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The scores of one vector, all with exactly one decimal place.
 *
 * <p>{@code score} is the headline number: the base score for v2 and v3.x, the single score for
 * v4.0 (whose meaning {@code nomenclature} states). {@code base}, {@code temporal} and
 * {@code environmental} exist only for v2 and v3.x. For v3.x all three are always present (with
 * no temporal/environmental metrics they equal the base score, except for the v3.1 scope quirk
 * noted in {@code package-info}); for v2 temporal and environmental are null unless the vector
 * gives a metric of that group a value other than ND, as NVD and the reference implementation do.
 *
 * @param version the vector's version
 * @param score headline score, never null
 * @param nomenclature v4.0 only (CVSS-B/BT/BE/BTE), null otherwise
 * @param base v2/v3.x base score, null for v4.0
 * @param temporal v2/v3.x temporal score, null for v4.0 and for v2 without temporal metrics
 * @param environmental v2/v3.x environmental score, null for v4.0 and for v2 without
 *     environmental metrics
 */
public record CvssScores(CvssVersion version, BigDecimal score, Nomenclature nomenclature,
                         BigDecimal base, BigDecimal temporal, BigDecimal environmental) {

    public CvssScores {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(score, "score");
        if ((version == CvssVersion.V4_0) != (nomenclature != null)) {
            throw new IllegalArgumentException("nomenclature is required for v4.0 and only for v4.0");
        }
    }

    /** Scores of a v4.0 vector. */
    static CvssScores v4(BigDecimal score, Nomenclature nomenclature) {
        return new CvssScores(CvssVersion.V4_0, score, nomenclature, null, null, null);
    }

    /** Scores of a v2 or v3.x vector; the headline score is the base score. */
    static CvssScores legacy(CvssVersion version, BigDecimal base, BigDecimal temporal,
                             BigDecimal environmental) {
        return new CvssScores(version, base, null, base, temporal, environmental);
    }

    /** Severity of the headline score. */
    public Severity severity() {
        return Severity.of(version, score);
    }

    /** Severity of the temporal score, or null if there is none. */
    public Severity temporalSeverity() {
        return temporal == null ? null : Severity.of(version, temporal);
    }

    /** Severity of the environmental score, or null if there is none. */
    public Severity environmentalSeverity() {
        return environmental == null ? null : Severity.of(version, environmental);
    }
}
