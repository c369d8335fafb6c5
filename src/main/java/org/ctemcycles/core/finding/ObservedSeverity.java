package org.ctemcycles.core.finding;

/**
 * A tool's severity mapped onto one scale. The raw text the tool used is kept beside it in the observation, since
 * scales differ (SARIF levels, Nessus 0-4, ZAP risk codes, Trivy, Nuclei, CycloneDX ratings).
 */
public enum ObservedSeverity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL,
    UNKNOWN
}
