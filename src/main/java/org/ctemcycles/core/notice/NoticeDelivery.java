package org.ctemcycles.core.notice;

/**
 * The port that carries a notice to people (inside Jira: a comment on the exposure's issue mentioning its owner, and
 * a mail to the leads through Jira's mail queue). It runs inside the transaction that records the notice, so a
 * delivery that throws leaves the notice unrecorded, to be tried again by a later run.
 */
public interface NoticeDelivery {

    /**
     * Delivers the notice.
     *
     * @throws DeliveryFailedException when it could not be delivered now (it will be tried again)
     */
    void deliver(Notice notice);
}
