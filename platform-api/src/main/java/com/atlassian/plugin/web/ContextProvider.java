package com.atlassian.plugin.web;

// Mirror (compile-only, never packaged). What a web panel's <context-provider> implements. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// atlassian-labs/atlassian-slack-integration-server@94c50dc
// (jira-slack-server-integration-plugin/.../web/contextproviders/SlackGlobalAdminDataProvider.java) implements both
// methods: init(Map<String, String>) and Map<String, Object> getContextMap(Map<String, Object>). The real init
// declares com.atlassian.plugin.PluginParseException, an unchecked exception (the implementation above declares it
// on its override, callers need not catch it), so the mirror leaves it out rather than mirror one more type.

import java.util.Map;

public interface ContextProvider {

    void init(Map<String, String> params);

    Map<String, Object> getContextMap(Map<String, Object> context);
}
