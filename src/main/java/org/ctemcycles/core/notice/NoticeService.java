package org.ctemcycles.core.notice;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.CheckpointService;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.mobilisation.RegisterRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Owner notices and the leads' digest, each sent once. {@link #due()} plans every open cycle's notices with
 * {@link NoticePlanner} on the clock's day and leaves out those already recorded; {@link #send} delivers each in a
 * transaction of its own that first records it (the notice table's unique key), then delivers, then logs
 * ({@code NOTICE_SENT}). A second node sending the same notice at the same moment waits on the key, fails once the
 * first commits, and its retry finds the notice sent; a delivery that fails rolls the record back, so the next run
 * tries again. A node that stops between delivering and committing can leave a delivered notice unrecorded, which
 * the next run repeats: the one window in which a notice can arrive twice.
 */
public final class NoticeService {

    private final CycleService cycles;
    private final RegisterRepository register;
    private final CheckpointService checkpoints;
    private final NoticeRepository notices;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public NoticeService(CycleService cycles, RegisterRepository register, CheckpointService checkpoints,
                         NoticeRepository notices, ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.register = register;
        this.checkpoints = checkpoints;
        this.notices = notices;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The notices owed today by every open cycle and not yet sent, cycle by cycle, in the planner's order. */
    public List<Notice> due() {
        LocalDate today = LocalDate.now(clock);
        List<Notice> owed = new ArrayList<>();
        for (Cycle cycle : cycles.list()) {
            if (cycle.closed()) {
                continue; // a closed cycle's register is frozen; its successor holds the live entries
            }
            List<LocalDate> missed = checkpoints.schedule(cycle.key()).missed().stream()
                    .map(PlannedCheckpoint::date).toList();
            owed.addAll(NoticePlanner.plan(cycle.key(), register.list(cycle.key()), missed, today));
        }
        if (owed.isEmpty()) {
            return owed;
        }
        Set<String> sent = notices.sent(owed.stream().map(Notice::key).toList());
        return owed.stream().filter(n -> !sent.contains(n.key())).toList();
    }

    /** Delivers every notice due now through {@code delivery}, each recorded once; answers what happened. */
    public NoticeRun send(NoticeDelivery delivery, String actor) {
        List<Notice> sent = new ArrayList<>();
        List<NoticeRun.Failed> failed = new ArrayList<>();
        int already = 0;
        for (Notice notice : due()) {
            try {
                if (sendOnce(notice, delivery, actor)) {
                    sent.add(notice);
                } else {
                    already++;
                }
            } catch (RuntimeException e) {
                DeliveryFailedException failure = deliveryFailure(e);
                if (failure == null) {
                    throw e;
                }
                failed.add(new NoticeRun.Failed(notice, failure.getMessage() == null ? "delivery failed"
                        : failure.getMessage()));
            }
        }
        return new NoticeRun(sent, already, failed);
    }

    /** The cycle's notices sent so far, oldest first. */
    public List<SentNotice> sent(String cycleKey) {
        return notices.list(cycles.get(cycleKey).key());
    }

    private boolean sendOnce(Notice notice, NoticeDelivery delivery, String actor) {
        return transactions.inTransaction(() -> {
            if (!notices.sent(List.of(notice.key())).isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            // the record first: its unique key is what a second node waits on while this one delivers
            notices.record(notice, actor, now);
            delivery.deliver(notice);
            String subject = notice.kind() == NoticeKind.LEADS_DIGEST ? LogRecord.cycleSubject(notice.cycleKey())
                    : LogRecord.findingSubject(notice.findingKey());
            log.append(new LogRecord(notice.cycleKey(), now, actor, LogAction.NOTICE_SENT, subject, "",
                    StateText.of("notice", notice.kind().label())
                            .and("to", notice.recipient().isEmpty() ? "security leads" : notice.recipient())
                            .and("day", notice.day().toString())
                            .and("issue", notice.trackerIssue()).toString()));
            return true;
        });
    }

    private static DeliveryFailedException deliveryFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeliveryFailedException delivery) {
                return delivery;
            }
        }
        return null;
    }
}
