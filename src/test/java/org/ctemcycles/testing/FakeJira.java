package org.ctemcycles.testing;

import com.atlassian.jira.permission.GlobalPermissionKey;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.HashMap;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Jira's services as Mockito mocks over the platform mirror, with three users: an administrator, a member of the
 * security-lead group, and an engineer who is neither. {@link #logIn} chooses who makes the request.
 */
public final class FakeJira {

    public final ApplicationUser admin = user("JIRAUSER10000", "admin");
    public final ApplicationUser lead = user("JIRAUSER10100", "lead");
    public final ApplicationUser engineer = user("JIRAUSER10200", "engineer");

    public final JiraAuthenticationContext authentication = mock(JiraAuthenticationContext.class);
    public final GlobalPermissionManager globalPermissions = mock(GlobalPermissionManager.class);
    public final GroupManager groups = mock(GroupManager.class);
    public final Map<String, Object> globalSettings = new HashMap<>();
    public final PluginSettingsFactory settingsFactory = mock(PluginSettingsFactory.class);

    public FakeJira() {
        when(globalPermissions.hasPermission(any(GlobalPermissionKey.class), any(ApplicationUser.class))).thenReturn(false);
        when(globalPermissions.hasPermission(GlobalPermissionKey.ADMINISTER, admin)).thenReturn(true);
        when(groups.isUserInGroup(any(ApplicationUser.class), anyString())).thenReturn(false);
        when(groups.isUserInGroup(eq(lead), eq("ctem-security-leads"))).thenReturn(true);
        PluginSettings settings = new PluginSettings() {
            @Override
            public Object get(String key) {
                return globalSettings.get(key);
            }

            @Override
            public Object put(String key, Object value) {
                return globalSettings.put(key, value);
            }

            @Override
            public Object remove(String key) {
                return globalSettings.remove(key);
            }
        };
        when(settingsFactory.createGlobalSettings()).thenReturn(settings);
    }

    public void logIn(ApplicationUser user) {
        when(authentication.getLoggedInUser()).thenReturn(user);
        when(authentication.isLoggedInUser()).thenReturn(user != null);
    }

    private static ApplicationUser user(String key, String name) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn(key);
        when(user.getUsername()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name);
        return user;
    }
}
