package com.atlassian.mail.queue;

import com.atlassian.mail.Email;

// Mirror (compile-only, never packaged). A value holder of the one mail it sends. NOT VERIFIED ON JIRA 11: no public
// Jira 11 code using it was found with the search tools. Best evidence: alanmosely/basic-jira-development-panels@
// fb8a8e2, a Jira 9.12.0 app (impl/PullRequestServiceImpl.java: new SingleMailQueueItem(email), then
// ComponentAccessor.getMailQueue().addItem(item)). getEmail is read by the app's tests only.
public class SingleMailQueueItem implements MailQueueItem {

    private final Email email;

    public SingleMailQueueItem(Email email) {
        this.email = email;
    }

    public Email getEmail() {
        return email;
    }
}
