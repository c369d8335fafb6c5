package org.ctemcycles.core.validation;

/** How a finding was validated (the CTEM framework's Validation stage names these). */
public enum ValidationMethod {
    MANUAL_TEST("Manual test"),
    ATTACK_PATH_ANALYSIS("Attack-path analysis"),
    EXPLOIT_REPRODUCTION("Exploit reproduction"),
    RETEST("Retest");

    private final String label;

    ValidationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
