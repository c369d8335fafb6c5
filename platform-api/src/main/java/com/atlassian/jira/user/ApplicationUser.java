package com.atlassian.jira.user;

// Mirror (compile-only, never packaged). Only the methods this app calls (the real interface also extends
// java.security.Principal); checked against turgaycelik/mysource (jira-api .../jira/user/ApplicationUser.java) and
// Jira 11 call sites in codescape/jira-scrum-poker.

public interface ApplicationUser {

    String getKey();

    String getUsername();

    String getDisplayName();
}
