package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Only the constants this app names; checked against
// shared/research/jira-platform.md §3.6.

public enum RequestMethod {
    GET,
    POST
}
