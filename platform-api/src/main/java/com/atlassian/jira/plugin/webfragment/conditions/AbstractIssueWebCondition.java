package com.atlassian.jira.plugin.webfragment.conditions;

// Mirror (compile-only, never packaged). A condition on the issue a web fragment is shown for. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// codescape/jira-scrum-poker@bb652fd (condition/JoinScrumPokerForIssueCondition.java,
// condition/StartScrumPokerForIssueCondition.java) and codescape/jira-multiple-subtasks@ce71581
// (condition/ProjectOfIssueHasSubtasksCondition.java) extend it, without @Component, and override
// shouldDisplay(ApplicationUser, Issue, JiraHelper). The real class implements the two-argument shouldDisplay itself
// (it finds the issue in the helper's context and asks the three-argument one); the mirror's body only throws.

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;

public abstract class AbstractIssueWebCondition extends AbstractWebCondition {

    @Override
    public boolean shouldDisplay(ApplicationUser user, JiraHelper jiraHelper) {
        throw new UnsupportedOperationException();
    }

    public abstract boolean shouldDisplay(ApplicationUser user, Issue issue, JiraHelper jiraHelper);
}
