package com.atlassian.plugin;

// Mirror (compile-only, never packaged). Only named, as the superclass of PluginParseException. An unchecked
// exception: the published API docs show it extending java.lang.RuntimeException in atlassian-plugins 2.5 to 3.0
// (docs.atlassian.com/DAC/javadoc/plugins/2.5/reference/com/atlassian/plugin/PluginException.html,
// docs.atlassian.com/atlassian-plugins-parent/3.0.0-m30/apidocs/com/atlassian/plugin/PluginException.html). No
// Jira 11 app names it directly; scripts/check-mirror compiles atlassian-slack-integration-server's overrides that
// throw its subclass.

public class PluginException extends RuntimeException {
}
