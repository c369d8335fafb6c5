package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.ChainReport;

/** The result of verifying the cycle's hash-chained activity log: intact, or the first break. */
public final class VerificationView {

    private final ChainReport report;

    public VerificationView(ChainReport report) {
        this.report = report;
    }

    public boolean isIntact() {
        return report.intact();
    }

    /** "intact", or the first edited, inserted or deleted entry and why. */
    public String getResult() {
        return report.broken().map(Object::toString).orElse("intact");
    }

    public long getEntries() {
        return report.entries();
    }
}
