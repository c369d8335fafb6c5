package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.Finding;

/** A manual entry recorded: its run's summary, and the finding it created or merged into. */
public record ManualIntakeResult(ImportSummary summary, Finding finding) {

    public boolean merged() {
        return summary.counts().newFindings() == 0;
    }
}
