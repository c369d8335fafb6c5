package org.ctemcycles.report.view;

import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.RunCounts;

/** One discovery run as the coverage record lists it: source, report file and its hash, when it ran, what it changed. */
public final class RunView {

    private final DiscoveryRun run;

    public RunView(DiscoveryRun run) {
        this.run = run;
    }

    public long getId() {
        return run.id();
    }

    public String getSourceKind() {
        return run.sourceKind().label();
    }

    /** The tool and its version, e.g. "Trivy 0.58.1". */
    public String getTool() {
        return (run.tool() + " " + (run.toolVersion() == null ? "" : run.toolVersion())).trim();
    }

    public String getFormat() {
        return run.format();
    }

    public String getFileName() {
        return run.fileName().isEmpty() ? "manual entry" : run.fileName();
    }

    public String getSha256() {
        return run.contentSha256();
    }

    public String getScannedAt() {
        return ViewText.instant(run.scannedAt());
    }

    public String getImportedBy() {
        return run.importedBy();
    }

    /** E.g. "12 observations: 5 new, 7 merged, 0 out of scope; 1 fix candidate, 0 reappeared; 0 warnings". */
    public String getCounts() {
        RunCounts c = run.counts() == null ? RunCounts.NONE : run.counts();
        return c.observations() + " observations: " + c.newFindings() + " new, " + c.merged() + " merged, "
                + c.outOfScope() + " out of scope; " + c.fixCandidates() + " fix candidates, " + c.reappeared()
                + " reappeared; " + c.warnings() + " warnings";
    }
}
