package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Checked against the decompiled sal-api 5.1.4 in ngannk-fptu/Decompiled-Files
// (.../sal/api/pluginsettings/PluginSettings.java) and shared/research/jira-platform.md §3.8.

public interface PluginSettings {

    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
