package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation; checked against shared/research/jira-platform.md
// §3.7 and its use in alanmosely/basic-jira-development-panels (resources that make their own permission check).

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UnrestrictedAccess {
}
