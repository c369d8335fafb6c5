package com.atlassian.event.api;

// Mirror (compile-only, never packaged). Jira 11 evidence: methods annotated @EventListener taking an
// IssueEventBundle in atlassian-labs/atlassian-slack-integration-server@94c50dc (service/listener/impl/DefaultJiraSlackEventListener.java) and a
// PluginEnabledEvent in the same app (service/SlackPluginLauncher.java). The event system finds handler methods by
// this annotation at run time, so it is retained at run time.

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Documented
public @interface EventListener {
}
