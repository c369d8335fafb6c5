package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation; checked against its class-level use in the Jira 11
// build of atlassian-labs/atlassian-slack-integration-server (.../slack/web/rest/PluginInfoResource.java) and
// shared/research/jira-platform.md §3.7.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UnrestrictedAccess {
}
