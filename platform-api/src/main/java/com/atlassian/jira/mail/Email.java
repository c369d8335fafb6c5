package com.atlassian.jira.mail;

// Mirror (compile-only, never packaged). Jira's mail (it adds Jira's default sender and headers to atlassian-mail's
// Email). NOT VERIFIED ON JIRA 11: no public Jira 11 code using it was found with the search tools. Best evidence:
// alanmosely/basic-jira-development-panels@fb8a8e2, a Jira 9.12.0 app (impl/PullRequestServiceImpl.java:
// new Email(user address)); see com.atlassian.mail.Email.
public class Email extends com.atlassian.mail.Email {

    public Email(String to) {
        super(to);
    }
}
