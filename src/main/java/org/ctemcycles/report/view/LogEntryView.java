package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.LogEntry;

/** One entry of a cycle's activity log, its recorded states exactly as stored (flat JSON). */
public final class LogEntryView {

    private final LogEntry entry;

    public LogEntryView(LogEntry entry) {
        this.entry = entry;
    }

    public long getSequence() {
        return entry.sequence();
    }

    public String getAt() {
        return ViewText.instant(entry.at());
    }

    public String getActor() {
        return entry.actor();
    }

    public String getAction() {
        return entry.actionLabel();
    }

    public String getSubject() {
        return entry.subject();
    }

    public String getBefore() {
        return entry.before();
    }

    public String getAfter() {
        return entry.after();
    }
}
