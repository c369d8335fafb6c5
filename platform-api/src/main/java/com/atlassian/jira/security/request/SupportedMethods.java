package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Checked against its uses on methods and types in public actions, e.g.
// ScrumPokerConfigurationAction in codescape/jira-scrum-poker (Jira 11); runtime retention because Jira reads it.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SupportedMethods {

    RequestMethod[] value();
}
