package com.atlassian.jira.web.action;

// Mirror (compile-only, never packaged). Only what this app's actions use. Jira 11 evidence (scripts/check-mirror;
// the apps and their Jira versions are in platform-api/README.md): extended (with its no-argument constructor) by the
// actions of codescape/jira-scrum-poker@bb652fd (action/AbstractScrumPokerAction.java),
// codescape/jira-multiple-subtasks@ce71581 (action/GlobalSubtaskTemplatesAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/actions/AbstractProjectAction.java).
// PERMISSION_VIOLATION_RESULT and getRedirect(String) are not found in public Jira 11 code; best evidence: the Jira 6
// jira-api source in turgaycelik/mysource@44f29e3 (.../web/action/JiraWebActionSupport.java, with Jira's own
// actions.xml mapping "permissionviolation" to /secure/views/permissionviolation.jsp) and the "latest" API docs
// (docs.atlassian.com/jira/latest/com/atlassian/jira/web/action/JiraWebActionSupport.html, which list
// PERMISSION_VIOLATION_RESULT). A direct subclass of webwork.action.ActionSupport in the Jira 10.3.21 and Jira
// Software 11.1 API docs.

import webwork.action.ActionSupport;

public class JiraWebActionSupport extends ActionSupport {

    public static final String PERMISSION_VIOLATION_RESULT = "permissionviolation";

    public String getRedirect(String defaultUrl) {
        throw new UnsupportedOperationException();
    }
}
