package org.ctemcycles.core.scoring.cvss;

/**
 * The CVSS versions this package parses and scores.
 *
 * <p>v3.0 and v3.1 share their metrics and formulas but round differently (see
 * {@code package-info}), so they are distinct constants.
 */
public enum CvssVersion {
    V2("2.0"),
    V3_0("3.0"),
    V3_1("3.1"),
    V4_0("4.0");

    private final String number;

    CvssVersion(String number) {
        this.number = number;
    }

    /** The version number as written in a vector prefix, e.g. {@code "3.1"}. */
    public String number() {
        return number;
    }

    /**
     * The vector-string prefix, e.g. {@code "CVSS:3.1"}; empty for v2, whose vectors carry no
     * prefix.
     */
    public String prefix() {
        return this == V2 ? "" : "CVSS:" + number;
    }

    /** A human-readable name used in messages: {@code "CVSS:3.1"}, or {@code "CVSS v2.0"}. */
    String displayName() {
        return this == V2 ? "CVSS v2.0" : prefix();
    }
}
