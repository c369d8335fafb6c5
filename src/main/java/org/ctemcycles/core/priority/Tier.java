package org.ctemcycles.core.priority;

/**
 * The urgency band of a decision, set by the score against the policy's thresholds; the internal SLA gives each tier
 * its number of days.
 */
public enum Tier {
    CRITICAL("Critical"),
    HIGH("High"),
    MEDIUM("Medium"),
    LOW("Low");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
