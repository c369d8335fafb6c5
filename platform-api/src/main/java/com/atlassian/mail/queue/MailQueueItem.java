package com.atlassian.mail.queue;

// Mirror (compile-only, never packaged). Only the type: the app hands items to the queue and calls none of their
// methods. NOT VERIFIED ON JIRA 11 (see com.atlassian.mail.Email): best evidence alanmosely/basic-jira-development-
// panels@fb8a8e2 (Jira 9.12.0).
public interface MailQueueItem {
}
