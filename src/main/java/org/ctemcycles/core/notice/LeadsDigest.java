package org.ctemcycles.core.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a cycle's security leads are told once a day: exposures past their deadline, exposures due within the week,
 * risk acceptances that end within the week, and planned checkpoints that were missed.
 */
public record LeadsDigest(String cycleKey, LocalDate day, List<DigestLine> overdue, List<DigestLine> dueThisWeek,
                          List<DigestLine> acceptancesExpiring, List<LocalDate> missedCheckpoints) {

    public LeadsDigest {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(day, "day");
        overdue = List.copyOf(overdue);
        dueThisWeek = List.copyOf(dueThisWeek);
        acceptancesExpiring = List.copyOf(acceptancesExpiring);
        missedCheckpoints = List.copyOf(missedCheckpoints);
    }

    /** Nothing for a lead to act on: no digest is sent that day. */
    public boolean empty() {
        return overdue.isEmpty() && dueThisWeek.isEmpty() && acceptancesExpiring.isEmpty()
                && missedCheckpoints.isEmpty();
    }
}
