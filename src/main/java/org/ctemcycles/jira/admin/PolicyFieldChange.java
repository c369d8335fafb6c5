package org.ctemcycles.jira.admin;

/** One field a version of the prioritisation policy changed: its path, and its JSON value before and after. */
public final class PolicyFieldChange {

    private final String field;
    private final String before;
    private final String after;

    PolicyFieldChange(String field, String before, String after) {
        this.field = field;
        this.before = before;
        this.after = after;
    }

    public String getField() {
        return field;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
