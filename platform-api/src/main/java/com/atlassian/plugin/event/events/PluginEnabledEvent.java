package com.atlassian.plugin.event.events;

// Mirror (compile-only, never packaged). Only the members this app and its tests use. Jira 11 evidence: an @EventListener
// taking it, with getPlugin().getKey() compared to the app's key, in atlassian-labs/atlassian-slack-integration-server@94c50dc (service/SlackPluginLauncher.java).
// The constructor taking the plugin is the plugin framework's (its API docs).

import com.atlassian.plugin.Plugin;

public class PluginEnabledEvent {

    private final Plugin plugin;

    public PluginEnabledEvent(Plugin plugin) {
        this.plugin = plugin;
    }

    public Plugin getPlugin() {
        return plugin;
    }
}
