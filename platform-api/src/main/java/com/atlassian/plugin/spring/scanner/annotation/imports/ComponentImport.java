package com.atlassian.plugin.spring.scanner.annotation.imports;

// Mirror (compile-only, never packaged: the product fails a plugin that carries its own copy). Checked against the
// decompiled atlassian-spring-scanner-annotation 3.0.4 in ngannk-fptu/Decompiled-Files and wjkennedy/DECOMPanalytics
// (.../annotation/imports/ComponentImport.java), and its use on constructor parameters in codescape/jira-scrum-poker.

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {

    String value() default "";
}
