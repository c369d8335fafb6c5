package org.ctemcycles.core.scoring.ssvc;

/** SSVC decision point Automatable v2.0.0: can an attacker automate steps 1-4 of the kill chain (reconnaissance to exploitation)? */
public enum Automatable {
    NO("no"),
    YES("yes");

    private final String label;

    Automatable(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
