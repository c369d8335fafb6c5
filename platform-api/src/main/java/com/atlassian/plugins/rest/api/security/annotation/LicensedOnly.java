package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation; @LicensedOnly is used on methods on Jira 11.3 in
// alanmosely/basic-jira-development-panels (api/PullRequestResource.java); the set (AdminOnly, SystemAdminOnly,
// LicensedOnly, UnlicensedSiteAccess, AnonymousSiteAccess, UnrestrictedAccess) is listed on
// https://developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LicensedOnly {
}
