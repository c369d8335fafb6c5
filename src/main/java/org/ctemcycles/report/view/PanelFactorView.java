package org.ctemcycles.report.view;

import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.Provenance;

/** One factor of a decision as the panel's table shows it: what it is, where it came from and what it added. */
public final class PanelFactorView {

    private final String label;
    private final String source;
    private final String points;
    private final String evidence;
    private final boolean moved;

    PanelFactorView(Factor factor) {
        this.label = factor.label();
        this.source = source(factor.provenance());
        this.points = factor.signedPoints();
        this.evidence = factor.evidence();
        this.moved = factor.contribution() != 0;
    }

    /** E.g. "KEV 2026.10.01, 2026-10-01" or "scoping": the source, its version and as-of date where known. */
    static String source(Provenance provenance) {
        StringBuilder out = new StringBuilder(provenance.source());
        if (!provenance.version().isEmpty()) {
            out.append(' ').append(provenance.version());
        }
        if (!provenance.asOf().isEmpty()) {
            out.append(", ").append(provenance.asOf());
        }
        return out.toString();
    }

    public String getLabel() {
        return label;
    }

    public String getSource() {
        return source;
    }

    /** "+25.0", "-40.0" or "0.0". */
    public String getPoints() {
        return points;
    }

    /** The evidence of a compensating control or a validation, or "". */
    public String getEvidence() {
        return evidence;
    }

    /** Whether it moved the score (a recorded input such as an unknown exposure may not). */
    public boolean isMoved() {
        return moved;
    }
}
