package org.ctemcycles.jira.admin;

import com.atlassian.jira.plugin.webfragment.conditions.AbstractWebCondition;
import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;
import jakarta.inject.Inject;
import org.ctemcycles.jira.security.CtemPermissions;

/**
 * Shows the link to the cycles page to those the page serves: security leads (by group or by project role) and Jira
 * administrators. Jira builds conditions itself, so this is no Spring component (as Jira 10 asks); the page checks
 * again on the server, the link only spares others a permission page.
 */
public class CyclesPageCondition extends AbstractWebCondition {

    private final CtemPermissions permissions;

    @Inject
    public CyclesPageCondition(CtemPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public boolean shouldDisplay(ApplicationUser user, JiraHelper jiraHelper) {
        return permissions.leadsAnywhere(user);
    }
}
