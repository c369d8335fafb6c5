package org.ctemcycles.core.scoring.ssvc;

/** SSVC decision point Technical Impact v1.0.0: does exploitation give the attacker total control of the system? */
public enum TechnicalImpact {
    PARTIAL("partial"),
    TOTAL("total");

    private final String label;

    TechnicalImpact(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
