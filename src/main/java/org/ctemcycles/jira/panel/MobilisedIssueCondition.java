package org.ctemcycles.jira.panel;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.plugin.webfragment.conditions.AbstractIssueWebCondition;
import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;
import jakarta.inject.Inject;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CycleAccess;

/**
 * Shows the prioritisation panel only on issues mobilised from a cycle, and only to users who may read that cycle's
 * work ({@link CycleAccess#READ_WORK}): anyone else sees the issue as if the app were not there. Jira builds
 * conditions itself, so this is no Spring component; the context provider checks again before it reads the record.
 */
public class MobilisedIssueCondition extends AbstractIssueWebCondition {

    private final CtemServices services;
    private final CtemPermissions permissions;
    private final IssueFindings issueFindings;

    @Inject
    public MobilisedIssueCondition(CtemServices services, CtemPermissions permissions) {
        this.services = services;
        this.permissions = permissions;
        this.issueFindings = new IssueFindings(services.record().findingRecords());
    }

    @Override
    public boolean shouldDisplay(ApplicationUser user, Issue issue, JiraHelper jiraHelper) {
        return user != null && issueFindings.entryOf(issue)
                .map(entry -> permissions.may(user, CycleAccess.READ_WORK,
                        services.record().findingRecords().cycleOf(entry)))
                .orElse(false);
    }
}
