package com.atlassian.mail;

// Mirror (compile-only, never packaged). A value holder (the app sets and test doubles read what a mail holds), only
// the members this app and its tests use. NOT VERIFIED ON JIRA 11: no public Jira 11 code using it was found with the
// search tools. Best evidence: alanmosely/basic-jira-development-panels@fb8a8e2, a Jira 9.12.0 app
// (impl/PullRequestServiceImpl.java: new com.atlassian.jira.mail.Email(address), setSubject, setBody, setMimeType,
// then new SingleMailQueueItem(email) onto the mail queue), which the shared research cites on Jira 11.3 in a line
// the fetched snapshot does not hold. The setters return the Email, as atlassian-mail's builder-style setters do
// (their result is unused here, but the descriptor must match at run time): unverified too.
public class Email {

    private final String to;
    private String subject;
    private String body;
    private String mimeType;

    public Email(String to) {
        this.to = to;
    }

    public Email setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public Email setBody(String body) {
        this.body = body;
        return this;
    }

    public Email setMimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMimeType() {
        return mimeType;
    }
}
