package com.atlassian.jira.security.xsrf;

// Mirror (compile-only, never packaged). Checked against turgaycelik/mysource
// (jira-api .../security/xsrf/RequiresXsrfCheck.java) and ScrumPokerConfigurationAction in codescape/jira-scrum-poker.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresXsrfCheck {
}
