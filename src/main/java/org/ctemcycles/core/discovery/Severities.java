package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.ObservedSeverity;

/** Orders severities for "the highest of": UNKNOWN below INFO, so any stated severity wins over none. */
final class Severities {

    private Severities() {
    }

    static int rank(ObservedSeverity severity) {
        return severity == ObservedSeverity.UNKNOWN ? -1 : severity.ordinal();
    }

    static ObservedSeverity max(ObservedSeverity a, ObservedSeverity b) {
        return rank(b) > rank(a) ? b : a;
    }
}
