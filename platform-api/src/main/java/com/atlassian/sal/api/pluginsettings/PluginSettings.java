package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): get in codescape/jira-scrum-poker@bb652fd (upgrade/Upgrade01RemovePluginSettings.java),
// codescape/jira-multiple-subtasks@ce71581 (action/SubtaskTemplateImportAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (manager/impl/DefaultPluginConfigurationManager.java);
// put in atlassian-slack-integration-server (the same file); remove in jira-scrum-poker (the same file) and
// atlassian-slack-integration-server (settings/DefaultSlackSettingsService.java).

public interface PluginSettings {

    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
