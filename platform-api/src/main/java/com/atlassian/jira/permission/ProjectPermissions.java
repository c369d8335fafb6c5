package com.atlassian.jira.permission;

// Mirror (compile-only, never packaged). Only the constant this app names. Jira 11 evidence (scripts/check-mirror;
// the apps and their Jira versions are in platform-api/README.md): BROWSE_PROJECTS in
// codescape/jira-scrum-poker@bb652fd (helper/ScrumPokerPermissions.java) and
// atlassian-labs/atlassian-slack-integration-server@94c50dc (service/listener/SlackEventHandlerService.java). Shape
// from the Jira 6 jira-api source in turgaycelik/mysource@44f29e3 (.../jira/permission/ProjectPermissions.java).

import com.atlassian.jira.security.plugin.ProjectPermissionKey;

public class ProjectPermissions {

    public static final ProjectPermissionKey BROWSE_PROJECTS = new ProjectPermissionKey("BROWSE_PROJECTS");
}
