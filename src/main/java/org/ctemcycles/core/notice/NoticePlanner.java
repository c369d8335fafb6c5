package org.ctemcycles.core.notice;

import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which notices a cycle's register owes on a given day, from the register alone (pure: the caller reads the record
 * and the clock, and the notice table decides what was already sent).
 *
 * <p>An exposure that still needs work, with an owner and a deadline, is owed the most urgent threshold it has
 * reached: its deadline passed (the day after the deadline), 1 day away (the day before or the day itself), or 7 days
 * away (2 to 7 days before); one resolved and awaiting its retest is left to the leads' digest. Only the most urgent one, so an owner first told on the day before hears once, not three
 * times; a threshold reached while no node ran the job is still sent when the next run comes. A risk acceptance that
 * ends within 7 days is owed a notice to its risk owner. Each cycle's leads are owed a digest for the day when it has
 * something in it.
 */
public final class NoticePlanner {

    /** How far ahead "this week" and "about to expire" look. */
    public static final int WEEK_DAYS = 7;

    private NoticePlanner() {
    }

    /**
     * @param register the cycle's register
     * @param missedCheckpoints the planned days of the cycle's missed checkpoints
     */
    public static List<Notice> plan(String cycleKey, List<RegisterEntry> register, List<LocalDate> missedCheckpoints,
                                    LocalDate today) {
        List<Notice> notices = new ArrayList<>();
        List<DigestLine> overdue = new ArrayList<>();
        List<DigestLine> dueThisWeek = new ArrayList<>();
        List<DigestLine> expiring = new ArrayList<>();
        for (RegisterEntry entry : register) {
            if (entry.needsWork() && entry.deadline() != null) {
                long days = ChronoUnit.DAYS.between(today, entry.deadline());
                DigestLine line = new DigestLine(entry.findingKey(), entry.owner(), entry.deadline(),
                        entry.trackerIssue());
                if (days < 0) {
                    overdue.add(line);
                } else if (days <= WEEK_DAYS) {
                    dueThisWeek.add(line);
                }
                NoticeKind kind = days < 0 ? NoticeKind.DEADLINE_PASSED : days <= 1 ? NoticeKind.DEADLINE_IN_1_DAY
                        : days <= WEEK_DAYS ? NoticeKind.DEADLINE_IN_7_DAYS : null;
                // a resolved exposure waits for its retest, not for its owner: the digest still lists it
                if (kind != null && !entry.owner().isEmpty() && entry.status() != FindingStatus.RESOLVED) {
                    notices.add(new Notice(cycleKey, kind, entry.findingKey(), entry.owner(), entry.deadline(),
                            entry.trackerIssueRef(), entry.trackerIssue(), null));
                }
            }
            if (entry.status() == FindingStatus.RISK_ACCEPTED && entry.acceptance() != null) {
                LocalDate expiry = entry.acceptance().expiry();
                long days = ChronoUnit.DAYS.between(today, expiry);
                if (days >= 0 && days <= WEEK_DAYS) {
                    String riskOwner = entry.acceptance().owner();
                    expiring.add(new DigestLine(entry.findingKey(), riskOwner, expiry, entry.trackerIssue()));
                    if (!riskOwner.isEmpty()) {
                        notices.add(new Notice(cycleKey, NoticeKind.ACCEPTANCE_EXPIRING, entry.findingKey(),
                                riskOwner, expiry, entry.trackerIssueRef(), entry.trackerIssue(), null));
                    }
                }
            }
        }
        LeadsDigest digest = new LeadsDigest(cycleKey, today, overdue, dueThisWeek, expiring, missedCheckpoints);
        if (!digest.empty()) {
            notices.add(Notice.digest(digest));
        }
        return notices;
    }
}
