package org.ctemcycles.cli;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.validation.ValidationRecord;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command line says about a queue that no longer reflects the record: findings validated after their
 * decision (the factors predate what validation proved), and mobilisation deadlines later than the policy's.
 */
final class QueueHints {

    private QueueHints() {
    }

    /** The findings of the queue validated after their decision, in queue order. */
    static List<String> validatedSinceRanked(CycleRecord record, String cycleKey, List<Decision> queue) {
        Map<String, Instant> latest = new HashMap<>();
        for (ValidationRecord v : record.validation().list(cycleKey)) {
            latest.merge(v.findingKey(), v.validatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return queue.stream().filter(d -> latest.containsKey(d.findingKey())
                && latest.get(d.findingKey()).isAfter(d.decidedAt())).map(Decision::findingKey).toList();
    }

    /**
     * Names the findings of the queue that no longer need work (verified, false positive, risk accepted): they keep
     * their rank, which an auditor would otherwise read as work still to do.
     */
    static void settled(PrintStream out, CycleRecord record, String cycleKey, List<Decision> queue) {
        Map<String, FindingStatus> statuses = new HashMap<>();
        record.mobilisation().register(cycleKey).forEach(e -> statuses.put(e.findingKey(), e.status()));
        List<String> settled = queue.stream().map(Decision::findingKey).filter(key -> {
            FindingStatus status = statuses.get(key);
            return status == FindingStatus.VERIFIED || status == FindingStatus.FALSE_POSITIVE
                    || status == FindingStatus.RISK_ACCEPTED;
        }).map(key -> key + " " + statuses.get(key).label().toLowerCase()).toList();
        if (!settled.isEmpty()) {
            out.printf("Note: %s of the queue no longer need%s work (%s).%n", settled.size() == 1 ? "1 finding"
                    : settled.size() + " findings", settled.size() == 1 ? "s" : "", String.join(", ", settled));
        }
    }

    /** Prints the hint to prioritise again when the queue predates validations; nothing otherwise. */
    static void reprioritise(PrintStream out, CycleRecord record, String cycleKey, List<Decision> queue) {
        List<String> stale = validatedSinceRanked(record, cycleKey, queue);
        if (!stale.isEmpty()) {
            out.printf("Note: %s validated after this queue was ranked (%s): %s factors predate the"
                            + " validation. Prioritise again: ctem cycle prioritise %s%n",
                    stale.size() == 1 ? "1 finding was" : stale.size() + " findings were", String.join(", ", stale),
                    stale.size() == 1 ? "its" : "their", cycleKey);
        }
    }
}
