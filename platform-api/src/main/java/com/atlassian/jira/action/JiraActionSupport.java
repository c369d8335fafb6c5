package com.atlassian.jira.action;

// Mirror (compile-only, never packaged). The intermediate superclass of JiraWebActionSupport; checked against
// shared/research/jira-platform.md §3.6.

import webwork.action.ActionSupport;

public class JiraActionSupport extends ActionSupport {
}
