package com.atlassian.plugins.rest.api.security.annotation;

// Mirror (compile-only, never packaged). REST v2 access annotation. Not found in the three reference Jira 11 apps
// (scripts/check-mirror). Best evidence: Atlassian's list of the annotations of this package (AdminOnly,
// SystemAdminOnly, LicensedOnly, UnlicensedSiteAccess, AnonymousSiteAccess, UnrestrictedAccess) on
// https://developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints, and the
// package's Jira 11 use by UnrestrictedAccess (its mirror file).

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
