package org.ctemcycles.core.priority;

/**
 * The CISA directive whose remediation timelines a policy applies. BOD 26-04 (2026-06-10) replaced BOD 22-01; the
 * older one stays selectable for historic cycles.
 */
public enum RegulatoryRules {
    /** CISA BOD 26-04: the 16-row table over In KEV x Asset Exposure x Automatable x Technical Impact. */
    BOD_26_04("BOD 26-04"),
    /** CISA BOD 22-01: the KEV catalogue's dueDate, as published. */
    BOD_22_01("BOD 22-01"),
    /** No directive: only the KEV dueDate (if the policy keeps it) and the internal SLA. */
    NONE("none");

    private final String label;

    RegulatoryRules(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
