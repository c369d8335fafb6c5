package org.ctemcycles.core.discovery;

import java.time.Instant;
import java.util.Objects;

/**
 * One run (one attempt) of a scheduled discovery source, as the cycle page and the REST API show it.
 *
 * @param result       {@code ran}, {@code partly rejected}, {@code rejected}, {@code refused} or {@code failed}
 * @param observations the observations the run read from its reports (0 when nothing was read)
 * @param outcome      what the run did, in words (no token; a rejection's reason may quote the report, so it is
 *                     shown only to those who may read the cycle's work, and escaped)
 */
public record SourceRun(long sourceId, Instant at, String result, int observations, String outcome) {

    public SourceRun {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        outcome = outcome == null ? "" : outcome;
    }

    /** Whether the run read no report: it counts towards the source's back-off. */
    public boolean failed() {
        return result.equals("failed") || result.equals("refused") || result.equals("rejected");
    }
}
