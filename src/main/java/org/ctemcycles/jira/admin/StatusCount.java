package org.ctemcycles.jira.admin;

/** How many register entries hold one status, with the link that narrows a cycle's page to them. */
public final class StatusCount {

    private final String status;
    private final int count;
    private final String href;
    private final boolean current;

    StatusCount(String status, int count, String href, boolean current) {
        this.status = status;
        this.count = count;
        this.href = href;
        this.current = current;
    }

    public String getStatus() {
        return status;
    }

    public int getCount() {
        return count;
    }

    public String getHref() {
        return href;
    }

    /** Whether the register is narrowed to this status. */
    public boolean isCurrent() {
        return current;
    }
}
