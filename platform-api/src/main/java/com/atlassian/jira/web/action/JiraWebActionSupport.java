package com.atlassian.jira.web.action;

// Mirror (compile-only, never packaged). Only what this app's actions use; checked against
// shared/research/jira-platform.md §3.6 and AbstractScrumPokerAction / ScrumPokerConfigurationAction in
// codescape/jira-scrum-poker (Jira 11): getXsrfToken() for forms, getRedirect(String) after a successful POST.

import com.atlassian.jira.action.JiraActionSupport;

public class JiraWebActionSupport extends JiraActionSupport {

    public static final String PERMISSION_VIOLATION_RESULT = "permissionviolation";

    public String getXsrfToken() {
        throw new UnsupportedOperationException();
    }

    public String getRedirect(String defaultUrl) {
        throw new UnsupportedOperationException();
    }
}
