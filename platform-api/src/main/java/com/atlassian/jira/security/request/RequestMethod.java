package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Only the constants this app names (the real enum also has HEAD, OPTIONS,
// CONNECT, DELETE, PUT, PATCH, TRACE). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): GET and POST in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java,
// action/ScrumPokerConfigurationAction.java) and codescape/jira-multiple-subtasks@ce71581
// (action/GlobalSubtaskTemplatesAction.java); GET in atlassian-labs/atlassian-slack-integration-server@94c50dc
// (web/actions/MigrateToSlackAction.java).

public enum RequestMethod {
    GET,
    POST
}
