package org.ctemcycles.core.scoring.ssvc;

import java.util.Objects;

/**
 * The value of one SSVC decision point for one finding, and where it came from; or unknown. An unknown value is
 * recorded as such and never replaced by a guess: the tree then reports every outcome it still allows.
 *
 * @param value  the value, or null when unknown
 * @param source where the value came from (e.g. "KEV 2025.08.25: CVE-2021-44228 listed"), or why it is unknown
 */
public record SsvcInput<T extends Enum<T>>(T value, String source) {

    public SsvcInput {
        Objects.requireNonNull(source, "source");
    }

    public static <T extends Enum<T>> SsvcInput<T> known(T value, String source) {
        return new SsvcInput<>(Objects.requireNonNull(value, "value"), source);
    }

    public static <T extends Enum<T>> SsvcInput<T> unknown(String why) {
        return new SsvcInput<>(null, why);
    }

    public boolean isKnown() {
        return value != null;
    }

    /** The table's text for the value, or "unknown". */
    public String label() {
        if (value == null) {
            return "unknown";
        }
        return switch (value) {
            case Exploitation e -> e.label();
            case Automatable a -> a.label();
            case TechnicalImpact t -> t.label();
            case MissionWellBeing m -> m.label();
            case MissionPrevalence m -> m.label();
            case PublicWellBeingImpact p -> p.label();
            default -> value.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
