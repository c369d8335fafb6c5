package com.atlassian.jira.security.request;

// Mirror (compile-only, never packaged). Jira 11 evidence (scripts/check-mirror; the apps and their Jira versions are
// in platform-api/README.md): on action methods in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java),
// codescape/jira-multiple-subtasks@ce71581 (action/GlobalSubtaskTemplatesAction.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (web/actions/MigrateToSlackAction.java). Runtime
// retention because Jira reads it.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SupportedMethods {

    RequestMethod[] value();
}
