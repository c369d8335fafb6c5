package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.RankedDecision;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.validation.ValidationRecord;

/** One item of the cycle's queue: its rank, score, tier, SSVC outcome, deadline and the rationale for all of them. */
public final class QueueItemView {

    private final RankedDecision ranked;

    public QueueItemView(RankedDecision ranked) {
        this.ranked = ranked;
    }

    public int getRank() {
        return ranked.rank();
    }

    public String getFindingKey() {
        return ranked.decision().findingKey();
    }

    public String getFindingAnchor() {
        return ViewText.findingAnchor(ranked.decision().findingKey());
    }

    /** Points with one decimal, e.g. "87.5". */
    public String getScore() {
        return ranked.decision().scorePoints().toPlainString();
    }

    public String getTier() {
        return ranked.decision().tier().label();
    }

    public String getSsvc() {
        return ranked.decision().ssvc().label();
    }

    public String getDeadline() {
        Deadline deadline = ranked.decision().deadline();
        return deadline.date() == null ? "none" : ViewText.date(deadline.date());
    }

    /** The rule that set the deadline, or "". */
    public String getDeadlineRule() {
        return ranked.decision().deadline().rule();
    }

    public boolean isOverdue() {
        return ranked.decision().deadline().overdue();
    }

    /** Whether the finding no longer needs work (verified, a false positive, or its risk accepted). */
    public boolean isSettled() {
        return ranked.settled();
    }

    /** The finding's status in the register, e.g. "Verified"; "" when unknown. */
    public String getStatus() {
        return ranked.status() == null ? "" : ranked.status().label();
    }

    /** Whether a validation of the finding was recorded after this decision (its factors predate it). */
    public boolean isPredatesValidation() {
        return ranked.predatesValidation();
    }

    /**
     * E.g. "Retest passed on 2026-11-06, after this decision (2026-10-16): its validation factor predates it; rank
     * again", or "".
     */
    public String getLaterValidation() {
        ValidationRecord later = ranked.laterValidation();
        return later == null ? "" : later.outcome().label() + " on " + ViewText.day(later.validatedAt())
                + ", after this decision (" + ViewText.day(ranked.decision().decidedAt())
                + "): its factors predate that validation; prioritise again";
    }

    /** The decision's rationale: every factor with its points, the deadline and any stale feed. */
    public String getRationale() {
        return ranked.decision().rationale();
    }
}
