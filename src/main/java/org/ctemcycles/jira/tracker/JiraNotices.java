package org.ctemcycles.jira.tracker;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.SingleMailQueueItem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.notice.DeliveryFailedException;
import org.ctemcycles.core.notice.Notice;
import org.ctemcycles.core.notice.NoticeDelivery;
import org.ctemcycles.core.notice.NoticeKind;

import java.util.Optional;

/**
 * Notices delivered through Jira: an owner's notice as a comment on the exposure's Jira issue that mentions the owner
 * (Jira notifies a mentioned user), or, for an exposure without an issue, a mail to the owner; the leads' digest as
 * a plain-text mail through Jira's mail queue to the security lead who opened the cycle. Whatever Jira refuses or
 * lacks (no issue, no user, no mail address, a refused comment) is a {@link DeliveryFailedException}: the notice
 * stays unrecorded and the next run tries again.
 */
final class JiraNotices implements NoticeDelivery {

    private final JiraIssueTracker tracker;
    private final JiraIssueApi jira;
    private final MailQueue mail;
    private final CycleService cycles;

    JiraNotices(JiraIssueTracker tracker, JiraIssueApi jira, MailQueue mail, CycleService cycles) {
        this.tracker = tracker;
        this.jira = jira;
        this.mail = mail;
        this.cycles = cycles;
    }

    @Override
    public void deliver(Notice notice) {
        try {
            if (notice.kind() == NoticeKind.LEADS_DIGEST) {
                Cycle cycle = cycles.get(notice.cycleKey());
                mailTo(cycle.createdBy(), "[CTEM] Cycle " + cycle.key() + ": digest for " + notice.day(),
                        notice.text());
            } else if (!notice.trackerIssueRef().isEmpty()) {
                tracker.comment(notice.cycleKey(), notice.trackerIssueRef(), notice.recipient(), notice.text());
            } else {
                mailTo(notice.recipient(), "[CTEM] " + notice.findingKey() + ": " + notice.kind().label(),
                        notice.text());
            }
        } catch (DeliveryFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DeliveryFailedException(notice.kind().label() + " for "
                    + (notice.findingKey().isEmpty() ? "cycle " + notice.cycleKey() : notice.findingKey())
                    + " not delivered: " + e.getMessage(), e);
        }
    }

    private void mailTo(String userKey, String subject, String body) {
        String address = Optional.ofNullable(jira.users.getUserByKey(userKey)).map(ApplicationUser::getEmailAddress)
                .filter(a -> !a.isBlank()).orElseThrow(() -> new DeliveryFailedException("Jira user '" + userKey
                        + "' does not exist or has no mail address"));
        com.atlassian.jira.mail.Email email = new com.atlassian.jira.mail.Email(address);
        email.setSubject(subject.replace('\r', ' ').replace('\n', ' '));
        email.setBody(body);
        email.setMimeType("text/plain");
        mail.addItem(new SingleMailQueueItem(email));
    }
}
