package org.ctemcycles.core.cycle;

import java.util.Locale;
import java.util.Optional;

/**
 * The declared stage of a CTEM cycle: the five CTEM stages in their order, then Closed. A new cycle starts in
 * {@link #SCOPING} and moves one stage at a time through the gates of {@code cadence.StageGates}. Work may overlap
 * (discovery goes on during mobilisation); the stage is what the cycle declares.
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

    /** The stage after this one, or empty for Closed. */
    public Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    /** Parses a stage name or label as a user types it ("discovery", "Prioritisation", "MOBILISATION"). */
    public static Optional<Stage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Stage stage : values()) {
            if (stage.name().equals(wanted)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
