package org.ctemcycles.core.notice;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One notice the record owes someone. An owner's notice names the finding, its tracker issue and the day it is about
 * (the deadline, or the last day of the acceptance); the leads' digest names the cycle and the day it was made for.
 *
 * <p>{@link #key()} is what makes a notice once-only across nodes and restarts: the finding (whose key survives
 * handover, so a successor cycle does not repeat it), the threshold, and the day the threshold is about, so a
 * deadline moved to another day is a new deadline and is announced again; for a digest, the cycle and the day.
 *
 * @param recipient       the Jira user key to notify; "" for the leads' digest (the delivery finds the leads)
 * @param trackerIssueRef the tracker issue's id (or key for entries linked before ids were kept), "" when none
 * @param trackerIssue    the tracker issue's key for display, "" when none
 * @param digest          the digest's content for {@link NoticeKind#LEADS_DIGEST}, else null
 */
public record Notice(String cycleKey, NoticeKind kind, String findingKey, String recipient, LocalDate day,
                     String trackerIssueRef, String trackerIssue, LeadsDigest digest) {

    public Notice {
        Objects.requireNonNull(cycleKey, "cycleKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(day, "day");
        findingKey = findingKey == null ? "" : findingKey;
        recipient = recipient == null ? "" : recipient;
        trackerIssueRef = trackerIssueRef == null ? "" : trackerIssueRef;
        trackerIssue = trackerIssue == null ? "" : trackerIssue;
        if ((kind == NoticeKind.LEADS_DIGEST) != (digest != null)) {
            throw new IllegalArgumentException("a digest, and only a digest, carries a LeadsDigest");
        }
        if (kind != NoticeKind.LEADS_DIGEST && (findingKey.isEmpty() || recipient.isEmpty())) {
            throw new IllegalArgumentException("an owner's notice names its finding and recipient");
        }
    }

    public static Notice digest(LeadsDigest digest) {
        return new Notice(digest.cycleKey(), NoticeKind.LEADS_DIGEST, "", "", digest.day(), "", "", digest);
    }

    /** Unique among every notice ever sent (at most 255 characters: keys are short). */
    public String key() {
        return kind == NoticeKind.LEADS_DIGEST
                ? "digest/" + cycleKey + "/" + day
                : "finding/" + findingKey + "/" + kind.name() + "/" + day;
    }

    /** What the notice says, in plain words (the delivery may wrap it for its channel). */
    public String text() {
        return switch (kind) {
            case DEADLINE_IN_7_DAYS -> "The deadline of exposure " + findingKey + " in cycle " + cycleKey + " is "
                    + day + ", 7 days from now.";
            case DEADLINE_IN_1_DAY -> "The deadline of exposure " + findingKey + " in cycle " + cycleKey + " is "
                    + day + ", tomorrow or today.";
            case DEADLINE_PASSED -> "The deadline of exposure " + findingKey + " in cycle " + cycleKey + " ("
                    + day + ") has passed and the exposure still needs work.";
            case ACCEPTANCE_EXPIRING -> "The risk acceptance of exposure " + findingKey + " in cycle " + cycleKey
                    + " ends on " + day + "; after that day the exposure is reopened.";
            case LEADS_DIGEST -> digestText();
        };
    }

    private String digestText() {
        StringBuilder text = new StringBuilder("Cycle " + cycleKey + " on " + day + ": " + digest.overdue().size()
                + " overdue, " + digest.dueThisWeek().size() + " due this week, "
                + digest.acceptancesExpiring().size() + " risk acceptances expiring, "
                + digest.missedCheckpoints().size() + " missed checkpoints.\n");
        section(text, "Overdue", digest.overdue(), "deadline");
        section(text, "Due this week", digest.dueThisWeek(), "deadline");
        section(text, "Risk acceptances expiring", digest.acceptancesExpiring(), "ends");
        if (!digest.missedCheckpoints().isEmpty()) {
            text.append("\nMissed checkpoints:\n");
            digest.missedCheckpoints().forEach(d -> text.append("- planned for ").append(d).append('\n'));
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, java.util.List<DigestLine> lines, String dayWord) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(":\n");
        for (DigestLine line : lines) {
            text.append("- ").append(line.findingKey());
            if (!line.trackerIssue().isEmpty()) {
                text.append(" (").append(line.trackerIssue()).append(')');
            }
            text.append(", ").append(dayWord).append(' ').append(line.day()).append(", owner ")
                    .append(line.owner().isEmpty() ? "none" : line.owner()).append('\n');
        }
    }
}
