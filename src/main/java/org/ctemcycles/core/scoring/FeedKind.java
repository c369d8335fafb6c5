package org.ctemcycles.core.scoring;

/** The feeds prioritisation reads: FIRST's EPSS scores and CISA's Known Exploited Vulnerabilities catalogue. */
public enum FeedKind {
    EPSS,
    KEV
}
