package org.ctemcycles.core.scoring.epss;

import java.util.Objects;

/**
 * One CVE's EPSS values as the feed gives them.
 *
 * @param cve         the CVE identifier
 * @param probability the probability (0-1) of exploitation activity in the next 30 days
 * @param percentile  the share (0-1, not 0-100) of scored CVEs with the same or a lower probability
 */
public record EpssScore(String cve, double probability, double percentile) {

    public EpssScore {
        Objects.requireNonNull(cve, "cve");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("EPSS probability out of 0-1: " + probability);
        }
        if (!(percentile >= 0 && percentile <= 1)) {
            throw new IllegalArgumentException("EPSS percentile out of 0-1: " + percentile);
        }
    }
}
