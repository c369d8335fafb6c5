package org.ctemcycles.core.scoring.kev;

/**
 * KEV's {@code knownRansomwareCampaignUse}: "Known" when CISA has seen the vulnerability used in a ransomware
 * campaign; "Unknown" when CISA lacks confirmation (which is not "no"). An entry without the field is NOT_STATED.
 */
public enum RansomwareUse {
    KNOWN("Known"),
    UNKNOWN("Unknown"),
    NOT_STATED("");

    private final String text;

    RansomwareUse(String text) {
        this.text = text;
    }

    /** The value as the catalogue writes it ("" for NOT_STATED). */
    public String text() {
        return text;
    }

    /** Reads the catalogue's text; null or empty is NOT_STATED, anything but Known/Unknown is null (invalid). */
    public static RansomwareUse parse(String text) {
        if (text == null || text.isEmpty()) {
            return NOT_STATED;
        }
        return switch (text) {
            case "Known" -> KNOWN;
            case "Unknown" -> UNKNOWN;
            default -> null;
        };
    }
}
