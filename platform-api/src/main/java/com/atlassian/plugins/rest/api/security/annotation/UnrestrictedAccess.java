package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation. Jira 11 evidence (scripts/check-mirror; the apps
// and their Jira versions are in platform-api/README.md): on the class of
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/PluginInfoResource.java).

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UnrestrictedAccess {
}
