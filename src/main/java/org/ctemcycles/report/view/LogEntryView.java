package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.LogEntry;

import java.util.List;

/**
 * One entry of a cycle's activity log: its recorded states as stored (flat JSON, for whoever checks the hash) and as
 * fields to read.
 */
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

    /** The state before the change as fields; empty when there was none. */
    public List<StateFieldView> getBeforeFields() {
        return StateFieldView.of(entry.before());
    }

    /** The state after the change as fields. */
    public List<StateFieldView> getAfterFields() {
        return StateFieldView.of(entry.after());
    }
}
