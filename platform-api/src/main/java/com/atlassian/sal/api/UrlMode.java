package com.atlassian.sal.api;

// Mirror (compile-only, never packaged). Only the constants this app and its evidence use. Jira 11 evidence: CANONICAL and
// ABSOLUTE in atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java,
// postfunction/SlackPostFunctionFactory.java).

public enum UrlMode {
    ABSOLUTE,
    CANONICAL
}
