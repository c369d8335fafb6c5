package com.atlassian.jira.security.xsrf;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): on POST action methods in codescape/jira-scrum-poker@bb652fd
// (action/ScrumPokerConfigurationAction.java) and codescape/jira-multiple-subtasks@ce71581
// (action/GlobalSubtaskTemplatesAction.java).

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresXsrfCheck {
}
