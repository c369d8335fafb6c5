package org.ctemcycles.jira.admin;

import org.ctemcycles.report.view.RegisterEntryView;

/** One register entry on a cycle's page: the report's view of it, and whether its deadline passed with work left. */
public final class RegisterRow {

    private final RegisterEntryView entry;
    private final boolean overdue;

    RegisterRow(RegisterEntryView entry, boolean overdue) {
        this.entry = entry;
        this.overdue = overdue;
    }

    public RegisterEntryView getEntry() {
        return entry;
    }

    public boolean isOverdue() {
        return overdue;
    }
}
