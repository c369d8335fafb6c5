package org.ctemcycles.jira.fields;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.store.AoReindexQueue;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the activity log and asks for a re-index wherever a logged change moves what a CTEM field shows: one
 * finding's issues for a change of one finding (validation, status, mobilisation, risk acceptance), every issue of
 * the cycle for a change of the whole (a ranking moves every rank; a stage advance or closure moves every issue's
 * stage). It runs in the change's transaction and writes one row, so a ranking of any size stays one insert here.
 */
public final class ReindexRequests implements Consumer<LogEntry> {

    private static final String FINDING = LogRecord.findingSubject("");
    private static final Set<LogAction> OF_A_FINDING = EnumSet.of(LogAction.VALIDATION_RECORDED,
            LogAction.STATUS_CHANGED, LogAction.MOBILISED, LogAction.RISK_ACCEPTED, LogAction.ACCEPTANCE_EXPIRED,
            LogAction.TRACKER_CHANGED);
    private static final Set<LogAction> OF_THE_CYCLE = EnumSet.of(LogAction.DECISION_RECORDED,
            LogAction.STAGE_ADVANCED, LogAction.CYCLE_CLOSED, LogAction.HANDED_OVER,
            LogAction.RESIDUAL_INHERITED);

    private final AoReindexQueue queue;

    public ReindexRequests(AoReindexQueue queue) {
        this.queue = queue;
    }

    @Override
    public void accept(LogEntry entry) {
        if (OF_THE_CYCLE.stream().anyMatch(entry::is)) {
            queue.requestCycle(entry.cycleKey());
        } else if (OF_A_FINDING.stream().anyMatch(entry::is) && entry.subject().startsWith(FINDING)) {
            queue.requestFinding(entry.cycleKey(), entry.subject().substring(FINDING.length()));
        }
    }
}
