package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Only the constants this app names (the real enum also has HEAD, OPTIONS,
// CONNECT, DELETE, PUT, PATCH, TRACE); checked against ScrumPokerConfigurationAction in codescape/jira-scrum-poker.

public enum RequestMethod {
    GET,
    POST
}
