package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation. Not found in the three reference Jira 11 apps
// (scripts/check-mirror); shared/research/jira-dc-11-surfaces.md §6 cites it on methods of
// api/PullRequestResource.java in alanmosely/basic-jira-development-panels' Jira 11.3 line (the snapshot the fetch
// tool brings is its older Jira 9.12 line, so the check could not read it). Also listed on
// https://developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LicensedOnly {
}
