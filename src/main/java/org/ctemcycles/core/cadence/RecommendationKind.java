package org.ctemcycles.core.cadence;

/**
 * Why an item is in a closed cycle's recommended next-cycle scope. Items about a surface carry that surface into the
 * next cycle when taken; a candidate asset becomes a new surface there; the cycle's own objective is recorded as
 * taken, and the lead writes the next cycle's objectives in Scoping.
 */
public enum RecommendationKind {
    RESIDUAL_QUEUE("Residual queue"),
    OBJECTIVE_NOT_MET("Objective not met"),
    NEVER_COVERED("Never covered"),
    STALE_COVERAGE("Stale coverage"),
    CANDIDATE_ASSET("Asset outside every scope rule");

    private final String label;

    RecommendationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the item names a surface of the closed cycle (taking it carries that surface over). */
    public boolean aboutSurface() {
        return this != CANDIDATE_ASSET;
    }
}
