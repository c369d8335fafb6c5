package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.SourceRun;

/** One run of a source: when, its result, the observations it read, and what it did in words. */
public final class SourceRunView {

    private final SourceRun run;

    SourceRunView(SourceRun run) {
        this.run = run;
    }

    public String getAt() {
        return ViewText.instant(run.at());
    }

    /** ran, partly rejected, rejected, refused or failed. */
    public String getResult() {
        return run.result();
    }

    /** A CSS-safe form of the result, for the lozenge's colour. */
    public String getResultClass() {
        return run.result().replace(' ', '-');
    }

    public int getObservations() {
        return run.observations();
    }

    /** What the run did; may quote a report or a server's answer, so the template escapes it. */
    public String getOutcome() {
        return run.outcome();
    }
}
