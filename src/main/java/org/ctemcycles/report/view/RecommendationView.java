package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.RecommendedItem;

/** One item of the recommended next-cycle scope, and whether the next cycle took it. */
public final class RecommendationView {

    private final RecommendedItem item;

    public RecommendationView(RecommendedItem item) {
        this.item = item;
    }

    public int getNumber() {
        return item.number();
    }

    /** E.g. "Residual queue". */
    public String getKind() {
        return item.kind().label();
    }

    /** A surface key, the cycle's key, or a candidate's scope rule. */
    public String getSubject() {
        return item.subject();
    }

    /** The reason, with the numbers behind it. */
    public String getReason() {
        return item.reason();
    }

    /** E.g. "taken into CTEM-2026-Q4 by lead on 2026-09-30 08:00 UTC", or "not taken". */
    public String getTaken() {
        return item.taken() ? "taken into " + item.takenInto() + " by " + item.takenBy() + " on "
                + ViewText.instant(item.takenAt()) : "not taken";
    }
}
