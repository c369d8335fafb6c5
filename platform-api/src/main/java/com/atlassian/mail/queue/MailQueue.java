package com.atlassian.mail.queue;

// Mirror (compile-only, never packaged). Only the method this app calls. NOT VERIFIED ON JIRA 11: no public Jira 11
// code using it was found with the search tools. Best evidence: alanmosely/basic-jira-development-panels@fb8a8e2, a
// Jira 9.12.0 app (impl/PullRequestServiceImpl.java: ComponentAccessor.getMailQueue().addItem(mailItem)), cited by
// the shared research on Jira 11.3. The app takes the queue by @ComponentImport; that Jira exports it to apps is
// unverified as well.
public interface MailQueue {

    void addItem(MailQueueItem item);
}
