package org.ctemcycles.core.notice;

/**
 * Why a notice is sent: an exposure's deadline 7 days or 1 day away or passed, a risk acceptance about to expire (each
 * to the person who must act), or the security leads' daily digest of a cycle.
 */
public enum NoticeKind {
    DEADLINE_IN_7_DAYS("deadline in 7 days"),
    DEADLINE_IN_1_DAY("deadline in 1 day"),
    DEADLINE_PASSED("deadline passed"),
    ACCEPTANCE_EXPIRING("risk acceptance expiring"),
    LEADS_DIGEST("security leads' digest");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
