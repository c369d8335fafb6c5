package com.atlassian.jira.security.roles;

// Mirror (compile-only, never packaged). Only the methods this app calls; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/security/roles/ProjectRoleManager.java. No Jira 11 app calling it was found; the signatures are unchanged
// since Jira 6 (the ApplicationUser overload) and the interface is not marked for removal (ADR 006).

import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

public interface ProjectRoleManager {

    /** The role with this name, or null. */
    ProjectRole getProjectRole(String name);

    boolean isUserInProjectRole(ApplicationUser user, ProjectRole projectRole, Project project);
}
