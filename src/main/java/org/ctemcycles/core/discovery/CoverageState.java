package org.ctemcycles.core.discovery;

/** Whether a source kind covered a surface: recently enough, only long ago, or never in this cycle. */
public enum CoverageState {
    COVERED("Covered"),
    STALE("Stale"),
    NEVER("Never");

    private final String label;

    CoverageState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
