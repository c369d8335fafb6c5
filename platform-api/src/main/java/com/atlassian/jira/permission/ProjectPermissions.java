package com.atlassian.jira.permission;

// Mirror (compile-only, never packaged). Only the constant this app names; from turgaycelik/mysource@ee01e28 (jira-api source)
// .../jira/permission/ProjectPermissions.java. ProjectPermissions.BROWSE_PROJECTS is used on Jira 11.3.1 in
// codescape/jira-scrum-poker@bb652fd (helper/ScrumPokerPermissions.java).

import com.atlassian.jira.security.plugin.ProjectPermissionKey;

public class ProjectPermissions {

    public static final ProjectPermissionKey BROWSE_PROJECTS = new ProjectPermissionKey("BROWSE_PROJECTS");
}
