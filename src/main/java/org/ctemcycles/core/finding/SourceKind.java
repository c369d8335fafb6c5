package org.ctemcycles.core.finding;

/**
 * What kind of discovery source produced a run. Coverage is recorded per surface and source kind, because no single
 * source covers a whole surface (the CTEM framework's Discovery stage lists these).
 */
public enum SourceKind {
    EXTERNAL_SCAN("External scan"),
    AUTHENTICATED_SCAN("Authenticated scan"),
    CODE_SCAN("Code scan"),
    CONFIGURATION_REVIEW("Configuration review"),
    IDENTITY_REVIEW("Identity review"),
    MANUAL_TEST("Manual test"),
    THIRD_PARTY("Third party");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
