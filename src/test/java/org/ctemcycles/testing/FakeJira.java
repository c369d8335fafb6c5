package org.ctemcycles.testing;

import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.security.roles.ProjectRole;
import com.atlassian.jira.security.roles.ProjectRoleManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The few Jira services the app asks about users, as small in-memory test doubles of the mirror's interfaces: a
 * directory of users, groups, projects, browse grants and project-role members, and the plugin settings. It answers
 * what Jira would answer for that directory; it does not imitate Jira's behaviour beyond that. Who makes a request is
 * per thread ({@link #logIn}), so the HTTP harness can serve several users at once.
 *
 * <p>The users: an administrator; a security lead (in the security-lead group); an auditor (in the auditor group);
 * an engineer who may browse project SEC; an outsider, licensed but with no access to anything of the app; and a
 * project lead, a member of the project role "CTEM Security Lead" in SEC (a lead once that role is configured).
 */
public final class FakeJira {

    public static final String LEAD_ROLE = "CTEM Security Lead";

    public final ApplicationUser admin = user("JIRAUSER10000", "admin");
    public final ApplicationUser lead = user("JIRAUSER10100", "lead");
    public final ApplicationUser auditor = user("JIRAUSER10150", "auditor");
    public final ApplicationUser engineer = user("JIRAUSER10200", "engineer");
    public final ApplicationUser outsider = user("JIRAUSER10300", "outsider");
    public final ApplicationUser projectLead = user("JIRAUSER10400", "project-lead");

    /** Issue types: SEC has a scheme of its own with the app's "CTEM Exposure"; OPS uses Jira's default scheme. */
    public final IssueType bug = type("1", "Bug", false);
    public final IssueType task = type("3", "Task", false);
    public final IssueType subTask = type("5", "Sub-task", true);
    public final IssueType exposure = type("10100", "CTEM Exposure", false);
    public final List<IssueType> defaultScheme = new CopyOnWriteArrayList<>(List.of(bug, task, subTask));
    public final Project sec = project(10000L, "SEC", "Security", new CopyOnWriteArrayList<>(List.of(bug, task,
            subTask, exposure)));
    public final Project ops = project(10001L, "OPS", "Operations", defaultScheme);

    private final Map<String, ApplicationUser> users = new ConcurrentHashMap<>();
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> groupMembers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> browsers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roleMembers = new ConcurrentHashMap<>();
    private final Set<String> administrators = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<ApplicationUser> current = new ThreadLocal<>();
    public final Map<String, Object> globalSettings = new ConcurrentHashMap<>();

    public final JiraAuthenticationContext authentication = new JiraAuthenticationContext() {
        @Override
        public ApplicationUser getLoggedInUser() {
            return current.get();
        }

        @Override
        public boolean isLoggedInUser() {
            return current.get() != null;
        }
    };
    public final GlobalPermissionManager globalPermissions = (key, user) -> user != null
            && (key == GlobalPermissionKey.ADMINISTER || key == GlobalPermissionKey.SYSTEM_ADMIN)
            && administrators.contains(user.getKey());
    public final GroupManager groups = (user, group) -> user != null
            && groupMembers.getOrDefault(group, Set.of()).contains(user.getKey());
    public final PermissionManager permissions = (key, project, user) -> user != null
            && key.equals(ProjectPermissions.BROWSE_PROJECTS)
            && (administrators.contains(user.getKey())
            || browsers.getOrDefault(project.getKey(), Set.of()).contains(user.getKey()));
    public final ProjectManager projectManager = new ProjectManager() {
        @Override
        public Project getProjectByCurrentKey(String projectKey) {
            return projects.get(projectKey);
        }

        @Override
        public List<Project> getProjectObjects() {
            return projects.values().stream().sorted(Comparator.comparing(Project::getKey)).toList();
        }
    };
    public final ProjectRoleManager roles = new ProjectRoleManager() {
        private final ProjectRole leadRole = new ProjectRole() {
            @Override
            public Long getId() {
                return 10100L;
            }

            @Override
            public String getName() {
                return LEAD_ROLE;
            }
        };

        @Override
        public ProjectRole getProjectRole(String name) {
            return LEAD_ROLE.equals(name) ? leadRole : null;
        }

        @Override
        public boolean isUserInProjectRole(ApplicationUser user, ProjectRole role, Project project) {
            return user != null && role == leadRole
                    && roleMembers.getOrDefault(project.getKey(), Set.of()).contains(user.getKey());
        }
    };
    public final UserManager userManager = users::get;
    public final PluginSettingsFactory settingsFactory = new PluginSettingsFactory() {
        private final PluginSettings global = new PluginSettings() {
            @Override
            public Object get(String key) {
                return globalSettings.get(key);
            }

            @Override
            public Object put(String key, Object value) {
                return value == null ? globalSettings.remove(key) : globalSettings.put(key, value);
            }

            @Override
            public Object remove(String key) {
                return globalSettings.remove(key);
            }
        };

        @Override
        public PluginSettings createSettingsForKey(String key) {
            throw new UnsupportedOperationException("the app keeps global settings only");
        }

        @Override
        public PluginSettings createGlobalSettings() {
            return global;
        }
    };

    public FakeJira() {
        for (ApplicationUser user : new ApplicationUser[]{admin, lead, auditor, engineer, outsider, projectLead}) {
            users.put(user.getKey(), user);
        }
        projects.put(sec.getKey(), sec);
        projects.put(ops.getKey(), ops);
        administrators.add(admin.getKey());
        addToGroup(lead, "ctem-security-leads");
        addToGroup(auditor, "ctem-auditors");
        grantBrowse(engineer, sec);
        grantBrowse(projectLead, sec);
        roleMembers.computeIfAbsent(sec.getKey(), k -> ConcurrentHashMap.newKeySet()).add(projectLead.getKey());
    }

    /** Who makes the requests of this thread; null for anonymous. */
    public void logIn(ApplicationUser user) {
        current.set(user);
    }

    public void addToGroup(ApplicationUser user, String group) {
        groupMembers.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(user.getKey());
    }

    public void grantBrowse(ApplicationUser user, Project project) {
        browsers.computeIfAbsent(project.getKey(), p -> ConcurrentHashMap.newKeySet()).add(user.getKey());
    }

    /** The user with this user name, for the harness's request header. */
    public ApplicationUser byName(String name) {
        return users.values().stream().filter(u -> u.getUsername().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fake Jira has no user " + name));
    }

    private static ApplicationUser user(String key, String name) {
        return new TestUser(key, name);
    }

    private static Project project(Long id, String key, String name, List<IssueType> issueTypes) {
        return new TestProject(id, key, name, issueTypes);
    }

    static IssueType type(String id, String name, boolean subTask) {
        return new TestIssueType(id, name, subTask);
    }

    private record TestUser(String getKey, String getUsername) implements ApplicationUser {
        @Override
        public String getDisplayName() {
            return getUsername;
        }
    }

    /** A project; its issue types are a live list (an issue type added to its scheme shows at once). */
    private record TestProject(Long getId, String getKey, String getName, List<IssueType> issueTypes)
            implements Project {
        @Override
        public Collection<IssueType> getIssueTypes() {
            return List.copyOf(issueTypes);
        }
    }

    record TestIssueType(String getId, String getName, boolean isSubTask) implements IssueType {
    }
}
