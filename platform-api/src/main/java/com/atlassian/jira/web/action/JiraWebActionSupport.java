package com.atlassian.jira.web.action;

// Mirror (compile-only, never packaged). Only what this app's actions use. Checked against the Jira 10.3.21 and
// Jira Software 11.1 API docs (docs.atlassian.com: a direct subclass of webwork.action.ActionSupport) and the Jira
// 6.3 source in turgaycelik/mysource (jira-api .../web/action/JiraWebActionSupport.java): PERMISSION_VIOLATION_RESULT,
// public String getXsrfToken(), public String getRedirect(String).

import webwork.action.ActionSupport;

public class JiraWebActionSupport extends ActionSupport {

    public static final String PERMISSION_VIOLATION_RESULT = "permissionviolation";

    public String getRedirect(String defaultUrl) {
        throw new UnsupportedOperationException();
    }
}
