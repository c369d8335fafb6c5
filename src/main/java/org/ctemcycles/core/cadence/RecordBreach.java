package org.ctemcycles.core.cadence;

/**
 * A change to the cycle's record that a record digest reveals: a row edited or deleted after the checkpoint or
 * closure that committed to it, with no logged change to account for it; a digest that no longer matches the log
 * entry that committed it; or a chain that no longer holds the head a checkpoint recorded.
 */
public record RecordBreach(Kind kind, String reason) {

    public enum Kind {
        /** a row differs from its leaf, and nothing logged after the digest changed it */
        ROW_CHANGED,
        /** a row the digest covered is gone */
        ROW_DELETED,
        /** the stored digest or its leaves differ from what the log entry committed */
        DIGEST_ALTERED,
        /** the activity log no longer holds the head the digest recorded */
        HEAD_MISMATCH
    }

    @Override
    public String toString() {
        return reason;
    }
}
