package com.atlassian.plugin.web;

// Mirror (compile-only, never packaged). What a web panel's <context-provider> implements. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// atlassian-labs/atlassian-slack-integration-server@94c50dc
// (jira-slack-server-integration-plugin/.../web/contextproviders/SlackGlobalAdminDataProvider.java and
// slack-server-integration-common/.../admin/SlackConfigurationScreenContextProvider.java) implement both methods:
// init(Map<String, String>) throws PluginParseException, and Map<String, Object> getContextMap(Map<String, Object>).

import com.atlassian.plugin.PluginParseException;

import java.util.Map;

public interface ContextProvider {

    void init(Map<String, String> params) throws PluginParseException;

    Map<String, Object> getContextMap(Map<String, Object> context);
}
