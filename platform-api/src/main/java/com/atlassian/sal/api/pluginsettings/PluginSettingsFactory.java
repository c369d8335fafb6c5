package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): createGlobalSettings in codescape/jira-scrum-poker@bb652fd
// (upgrade/Upgrade01RemovePluginSettings.java) and codescape/jira-multiple-subtasks@ce71581
// (action/SubtaskTemplateImportAction.java); createSettingsForKey in jira-multiple-subtasks (the same file) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultPluginConfigurationManager.java).

public interface PluginSettingsFactory {

    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
