package com.atlassian.jira.user;

// Mirror (compile-only, never packaged). Only the methods this app calls; checked against
// shared/research/jira-platform.md §3.3 and call sites in codescape/jira-scrum-poker.

public interface ApplicationUser {

    String getKey();

    String getUsername();

    String getDisplayName();
}
