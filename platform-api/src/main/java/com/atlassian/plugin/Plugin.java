package com.atlassian.plugin;

// Mirror (compile-only, never packaged). Only the method this app calls. Jira 11 evidence: getKey() on the enabled plugin in
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/SlackPluginLauncher.java).

public interface Plugin {

    String getKey();
}
