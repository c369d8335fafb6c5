package com.atlassian.jira.security.roles;

// Mirror (compile-only, never packaged). Only the methods this app calls; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/security/roles/ProjectRole.java (@PublicApi). No Jira 11 app calling it was found (ADR 006).

public interface ProjectRole {

    Long getId();

    String getName();
}
