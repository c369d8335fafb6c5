package org.ctemcycles.core.scoring.cvss;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Qualitative severity rating of a CVSS score.
 *
 * <p>v3.x and v4.0 use FIRST's bands (None 0.0, Low 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9,
 * Critical 9.0-10.0). CVSS v2 defines no rating of its own; we use NVD's v2 bands (Low 0.0-3.9,
 * Medium 4.0-6.9, High 7.0-10.0), which is what users see for v2 scores, so a v2 score is never
 * NONE or CRITICAL.
 */
public enum Severity {
    NONE("None"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    CRITICAL("Critical");

    private static final BigDecimal TEN = BigDecimal.TEN;

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The rating as the specifications spell it, e.g. {@code "Critical"}. */
    public String label() {
        return label;
    }

    /**
     * Rates a score of the given version.
     *
     * @param score a score between 0.0 and 10.0; values between the one-decimal band limits
     *     (e.g. 3.95) fall into the band of the lower limit
     * @throws IllegalArgumentException if the score is outside 0.0-10.0
     */
    public static Severity of(CvssVersion version, BigDecimal score) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(score, "score");
        if (score.signum() < 0 || score.compareTo(TEN) > 0) {
            throw new IllegalArgumentException("CVSS score out of range 0.0-10.0: " + score);
        }
        // Truncating to tenths keeps the comparison exact and puts 3.95 with 3.9.
        int tenths = score.movePointRight(1).intValue();
        return ofTenths(version, tenths);
    }

    /** Rating of a score already expressed in tenths (0..100); the calculators' fast path. */
    static Severity ofTenths(CvssVersion version, int tenths) {
        if (version == CvssVersion.V2) {
            return tenths < 40 ? LOW : tenths < 70 ? MEDIUM : HIGH;
        }
        if (tenths == 0) {
            return NONE;
        }
        return tenths < 40 ? LOW : tenths < 70 ? MEDIUM : tenths < 90 ? HIGH : CRITICAL;
    }
}
