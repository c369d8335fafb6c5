package com.atlassian.plugin.spring.scanner.annotation.imports;

// Mirror (compile-only, never packaged). Never packaged: the product fails a plugin that carries its own copy. Jira
// 11 evidence (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md): on constructor
// parameters in codescape/jira-scrum-poker@bb652fd (action/ScrumPokerAction.java) and
// codescape/jira-multiple-subtasks@ce71581 (action/GlobalSubtaskTemplatesAction.java), on the fields of
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/ComponentImports.java). Shape from the
// decompiled atlassian-spring-scanner-annotation 3.0.4 in ngannk-fptu/Decompiled-Files.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {

    String value() default "";
}
