package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Checked against the decompiled SAL interface quoted in
// shared/research/jira-platform.md §3.8 and GlobalSettingsService in codescape/jira-scrum-poker.

public interface PluginSettingsFactory {

    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
