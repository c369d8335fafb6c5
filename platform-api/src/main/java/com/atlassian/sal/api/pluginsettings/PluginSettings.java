package com.atlassian.sal.api.pluginsettings;

// Mirror (compile-only, never packaged). Checked against the decompiled SAL interface quoted in
// shared/research/jira-platform.md §3.8.

public interface PluginSettings {

    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
