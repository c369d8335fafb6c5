package org.ctemcycles.core.scope;

/**
 * How much the business depends on a surface: the criticality calibration recorded at scoping. The scale, from the
 * top: CRITICAL (an outage or breach stops a core business process or breaks a regulatory duty), HIGH (material
 * revenue, customer or data impact), MEDIUM (degraded service, limited data), LOW (internal convenience, no
 * sensitive data). {@link #weight()} orders them (4 to 1) for prioritisation.
 */
public enum Criticality {
    CRITICAL(4, "Critical"),
    HIGH(3, "High"),
    MEDIUM(2, "Medium"),
    LOW(1, "Low");

    private final int weight;
    private final String label;

    Criticality(int weight, String label) {
        this.weight = weight;
        this.label = label;
    }

    public int weight() {
        return weight;
    }

    public String label() {
        return label;
    }
}
