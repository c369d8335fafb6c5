package org.ctemcycles.core.scoring.ssvc;

import org.ctemcycles.core.scope.Criticality;

/**
 * SSVC Mission Prevalence: how much the organisation's mission depends on the affected surface. Scoping's
 * {@link Criticality} answers it: a critical surface is MEF-essential, high and medium ones support the mission, a low
 * one is minimal (the mapping every decision records as its source).
 */
public enum MissionPrevalence {
    MINIMAL("minimal"),
    SUPPORT("support"),
    ESSENTIAL("essential");

    private final String label;

    MissionPrevalence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MissionPrevalence of(Criticality criticality) {
        return switch (criticality) {
            case CRITICAL -> ESSENTIAL;
            case HIGH, MEDIUM -> SUPPORT;
            case LOW -> MINIMAL;
        };
    }
}
