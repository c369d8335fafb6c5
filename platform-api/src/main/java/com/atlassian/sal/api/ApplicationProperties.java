package com.atlassian.sal.api;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: getBaseUrl(UrlMode.CANONICAL)
// building issue links in atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultDedicatedChannelManager.java) and
// getBaseUrl(UrlMode.ABSOLUTE) in the same app (postfunction/SlackPostFunctionFactory.java).

public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);
}
