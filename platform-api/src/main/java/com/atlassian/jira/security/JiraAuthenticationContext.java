package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the methods this app calls; checked against Jira 11 call sites:
// codescape/jira-scrum-poker (rest/SessionResource.java, getLoggedInUser) and
// atlassian-labs/atlassian-slack-integration-server (web/condition/UserLoggedInUrlReadingCondition.java, isLoggedInUser).

import com.atlassian.jira.user.ApplicationUser;

public interface JiraAuthenticationContext {

    ApplicationUser getLoggedInUser();

    boolean isLoggedInUser();
}
