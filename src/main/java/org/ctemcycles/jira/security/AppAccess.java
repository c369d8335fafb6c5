package org.ctemcycles.jira.security;

/** What a request does to the app as a whole, outside any one cycle. */
public enum AppAccess {
    /** Upload EPSS and KEV snapshots, which every cycle's prioritisation reads. */
    LOAD_FEEDS,
    /** Change the app's configuration (roles, defaults). */
    CONFIGURE;

    String refusal() {
        return switch (this) {
            case LOAD_FEEDS -> "only security leads and Jira administrators may load EPSS and KEV feeds";
            case CONFIGURE -> "only Jira administrators may configure CTEM Cycles";
        };
    }
}
