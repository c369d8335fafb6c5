package com.atlassian.plugin;

// Mirror (compile-only, never packaged). Only named, in the throws clause of ContextProvider#init. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/contextproviders/SlackGlobalAdminDataProvider.java,
// admin/SlackConfigurationScreenContextProvider.java) override init(Map) with "throws PluginParseException". It
// extends PluginException (published API docs, atlassian-plugins 2.2.4 to 4.6:
// docs.atlassian.com/atlassian-plugins-parent/4.6.0-5d1970a/apidocs/com/atlassian/plugin/PluginParseException.html).

public class PluginParseException extends PluginException {
}
