package com.atlassian.jira.security.roles;

// Mirror (compile-only, never packaged). Only the methods this app calls. Not found in public Jira 11 code
// (docs/adr/006). Best evidence: the Jira 8.22.4 API docs
// (docs.atlassian.com/jira/8.22.4/.../security/roles/DefaultProjectRoleManager.html return it) and the Jira 6
// jira-api source in turgaycelik/mysource@44f29e3 (.../jira/security/roles/ProjectRole.java, @PublicApi).

public interface ProjectRole {

    Long getId();

    String getName();
}
