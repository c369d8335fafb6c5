package org.ctemcycles.core.evidence;

import org.ctemcycles.core.priority.Decision;

import java.util.Objects;

/** A queue item: its position in the cycle's current queue (from 1) and the decision with its rationale. */
public record RankedDecision(int rank, Decision decision) {

    public RankedDecision {
        Objects.requireNonNull(decision, "decision");
    }
}
