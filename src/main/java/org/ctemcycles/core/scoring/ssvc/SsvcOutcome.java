package org.ctemcycles.core.scoring.ssvc;

/** The CISA decision outcomes, from the least to the most urgent (CISA's wording, from SSVC {@code outcomes/cisa}). */
public enum SsvcOutcome {
    TRACK("Track", "no action now; remediate within standard update timelines"),
    TRACK_STAR("Track*", "monitor more closely; remediate within standard update timelines"),
    ATTEND("Attend", "supervisory attention; remediate sooner than standard update timelines"),
    ACT("Act", "supervisory and leadership attention; remediate as soon as possible");

    private final String label;
    private final String meaning;

    SsvcOutcome(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** As CISA writes it: "Track", "Track*", "Attend", "Act". */
    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** From CERT/CC's lower-case table text ("track", "track*", "attend", "act"). */
    public static SsvcOutcome fromTable(String text) {
        for (SsvcOutcome outcome : values()) {
            if (outcome.label.equalsIgnoreCase(text)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not a CISA SSVC outcome: '" + text + "'");
    }
}
