package org.ctemcycles.core.cycle;

/**
 * The declared stage of a CTEM cycle: the five CTEM stages in their order, then Closed. A new cycle starts in
 * {@link #SCOPING}. Work may overlap (discovery goes on during mobilisation); the stage is what the cycle declares.
 */
public enum Stage {
    SCOPING("Scoping"),
    DISCOVERY("Discovery"),
    PRIORITISATION("Prioritisation"),
    VALIDATION("Validation"),
    MOBILISATION("Mobilisation"),
    CLOSED("Closed");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
