package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Checked against shared/research/jira-platform.md §3.6 and
// ScrumPokerConfigurationAction in codescape/jira-scrum-poker.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SupportedMethods {

    RequestMethod[] value();
}
