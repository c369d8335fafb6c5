package com.atlassian.jira.security.roles;

// Mirror (compile-only, never packaged). Only the methods this app calls. Not found in public Jira 11 code
// (docs/adr/006). Best evidence: the Jira 8.22.4 API docs
// (docs.atlassian.com/jira/8.22.4/com/atlassian/jira/security/roles/ DefaultProjectRoleManager.html, which implements
// it: getProjectRole(String) among its methods) and the Jira 6 jira-api source in turgaycelik/mysource@44f29e3
// (.../jira/security/roles/ProjectRoleManager.java: isUserInProjectRole(ApplicationUser, ProjectRole, Project)); the
// interface is not marked for removal.

import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

public interface ProjectRoleManager {

    /** The role with this name, or null. */
    ProjectRole getProjectRole(String name);

    boolean isUserInProjectRole(ApplicationUser user, ProjectRole projectRole, Project project);
}
