package org.ctemcycles.report.view;

import org.ctemcycles.core.cadence.DigestedSet;
import org.ctemcycles.core.cadence.RecordDigest;

/**
 * What a checkpoint or the closure committed to, as the pack shows it: the head of the activity log at that moment
 * (so an auditor who keeps this pack can check later that the log still holds it) and the digests of the register,
 * the findings and the decisions as they stood.
 */
public final class DigestView {

    private final RecordDigest digest;

    DigestView(RecordDigest digest) {
        this.digest = digest;
    }

    /** E.g. "Checkpoint of 2026-10-15", "Closure on 2026-12-31". */
    public String getLabel() {
        String label = digest.label().substring("the ".length());
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public long getLogSequence() {
        return digest.logSequence();
    }

    /** The number of entries the chain had, e.g. 20 ("0" before any). */
    public long getHeadLength() {
        return digest.head() == null ? 0 : digest.head().length();
    }

    /** The hash of the chain's last entry then; "" when there was none. */
    public String getHeadHash() {
        return digest.head() == null ? "" : digest.head().hash();
    }

    /** The head's keyed anchor then, or "" when the log was not keyed. */
    public String getHeadAnchor() {
        return digest.head() == null ? "" : digest.head().anchor();
    }

    public String getRegister() {
        return digest.part(DigestedSet.REGISTER).toString();
    }

    public String getFindings() {
        return digest.part(DigestedSet.FINDINGS).toString();
    }

    public String getDecisions() {
        return digest.part(DigestedSet.DECISIONS).toString();
    }
}
