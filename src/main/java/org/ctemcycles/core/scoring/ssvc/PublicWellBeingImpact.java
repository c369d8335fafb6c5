package org.ctemcycles.core.scoring.ssvc;

/** SSVC Public Well-being Impact: the harm exploitation could do to people outside the organisation. */
public enum PublicWellBeingImpact {
    MINIMAL("minimal"),
    MATERIAL("material"),
    IRREVERSIBLE("irreversible");

    private final String label;

    PublicWellBeingImpact(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
