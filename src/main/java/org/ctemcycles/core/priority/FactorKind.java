package org.ctemcycles.core.priority;

/** The kinds of factor a decision records, in the order they are listed and explained. */
public enum FactorKind {
    KEV,
    RANSOMWARE,
    EXPLOITATION,
    EPSS_PROBABILITY,
    EPSS_PERCENTILE,
    CVSS,
    CRITICALITY,
    EXPOSURE,
    VALIDATION,
    CONTROL,
    /** The adjustment that keeps the score within 0-100, so that contributions always add up to the score. */
    BOUND
}
