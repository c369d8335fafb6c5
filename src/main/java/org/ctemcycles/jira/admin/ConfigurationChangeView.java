package org.ctemcycles.jira.admin;

import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;

/** One logged configuration change for the configuration page: when, who, what, and the fields before and after. */
public final class ConfigurationChangeView {

    private final LogEntry entry;

    ConfigurationChangeView(LogEntry entry) {
        this.entry = entry;
    }

    public String getSequence() {
        return Long.toString(entry.sequence());
    }

    public String getAt() {
        return entry.at().toString();
    }

    public String getActor() {
        return entry.actor();
    }

    public String getSubject() {
        return entry.subject();
    }

    /** The changed fields as they were, one "name: value" a line (a list's names continue indented). */
    public String getBefore() {
        return StateText.readable(entry.before());
    }

    public String getAfter() {
        return StateText.readable(entry.after());
    }
}
