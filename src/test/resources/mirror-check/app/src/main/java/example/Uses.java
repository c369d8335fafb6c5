package example;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.request.RequestMethod;
import com.atlassian.jira.security.request.SupportedMethods;
import com.atlassian.jira.user.ApplicationUser;

public class Uses {

    @SupportedMethods(RequestMethod.GET) // expect: MISMATCH ANNOTATION SupportedMethods
    private String onAField;

    private final ProjectManager projects;
    private final GlobalPermissionManager permissions;

    public Uses(ProjectManager projects, GlobalPermissionManager permissions) {
        this.projects = projects;
        this.permissions = permissions;
    }

    Project byKey(String key) {
        return projects.getProjectByCurrentKey(key); // expect: CONSISTENT CALL ProjectManager#getProjectByCurrentKey
    }

    boolean administers(ApplicationUser user) {
        return permissions.hasPermission(GlobalPermissionKey.ADMINISTER, user); // expect: CONSISTENT CALL GlobalPermissionManager#hasPermission
    }

    Project byId() {
        return projects.getProjectByCurrentKey(10000L); // expect: MISMATCH CALL ProjectManager#getProjectByCurrentKey
    }

    Long keyAsNumber(ApplicationUser user) {
        return user.getKey(); // expect: MISMATCH CALL ApplicationUser#getKey
    }

    String email(ApplicationUser user) {
        return user.getEmailAddress(); // expect: NOT_MIRRORED CALL ApplicationUser#getEmailAddress
    }

    Object projectAdministration() {
        return ProjectPermissions.ADMINISTER_PROJECTS; // expect: NOT_MIRRORED CONSTANT ProjectPermissions#ADMINISTER_PROJECTS
    }

    Project throughAnUnknownType(com.example.jira.IssueKeyHolder holder) {
        return projects.getProjectByCurrentKey(holder.projectKey()); // expect: UNCHECKED CALL ProjectManager#getProjectByCurrentKey
    }

    String nameOf(ApplicationUser user) {
        return java.util.Optional.of(user).map(ApplicationUser::getName).orElse(""); // expect: NOT_MIRRORED CALL ApplicationUser#getName
    }
}
