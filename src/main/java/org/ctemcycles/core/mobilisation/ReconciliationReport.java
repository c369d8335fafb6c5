package org.ctemcycles.core.mobilisation;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation of a cycle's register with the tracker found: how many linked entries it compared with
 * their issues, and each repair it made (every repair of the record is also in the activity log, with the tracker as
 * its cause; an entry linked again is counted in the reconciliation's own log entry).
 */
public record ReconciliationReport(String cycleKey, int checked, List<Repair> repairs, Instant at) {

    public ReconciliationReport {
        repairs = List.copyOf(repairs);
    }

    /** One finding brought back in line: what differed and what was done about it. */
    public record Repair(String findingKey, String issueKey, RepairKind kind, String detail) {
    }

    public enum RepairKind {
        /** the finding's status followed the issue's status category */
        STATUS,
        /** the issue's resolution waits for a lead's decision */
        DECISION_NEEDED,
        /** the register took over the issue's assignee or due date */
        FIELDS,
        /** the issue moved to another project: the register holds its new key */
        MOVED,
        /** the issue was deleted: the entry is no longer linked */
        DELETED,
        /** the record had reopened the finding and the issue had not followed: it was moved back to work */
        REOPENED_IN_TRACKER,
        /** the issue could not be moved back to work (the tracker refused); tried again next time */
        NOT_FOLLOWED,
        /**
         * the entry named its issue without a tracker link, or with one naming another issue (written by a version
         * before tracker links, ADR 054), so the issue's events and panel did not find it: linked
         */
        LINKED
    }
}
