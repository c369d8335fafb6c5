package com.atlassian.jira.security;

// Mirror (compile-only, never packaged). Only the methods this app calls; checked against
// shared/research/jira-platform.md §3.3 and codescape/jira-scrum-poker (rest/SessionResource.java).

import com.atlassian.jira.user.ApplicationUser;

public interface JiraAuthenticationContext {

    ApplicationUser getLoggedInUser();

    boolean isLoggedInUser();
}
