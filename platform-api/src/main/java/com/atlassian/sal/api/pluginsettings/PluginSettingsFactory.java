package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Checked against the decompiled sal-api 5.1.4 in ngannk-fptu/Decompiled-Files
// and Jira 11 call sites: codescape/jira-scrum-poker (upgrade/Upgrade01RemovePluginSettings.java) and
// atlassian-labs/atlassian-slack-integration-server (DefaultPluginConfigurationManager.java).

public interface PluginSettingsFactory {

    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
