package com.atlassian.jira.plugin.webfragment.conditions;

// Mirror (compile-only, never packaged). The one abstract method a condition implements. Jira 11 evidence
// (scripts/check-mirror; the apps and their Jira versions are in platform-api/README.md):
// codescape/jira-scrum-poker@bb652fd (condition/ProjectAdministrationCondition.java,
// condition/ScrumPokerDropdownOnBoardCondition.java) and codescape/jira-multiple-subtasks@ce71581
// (condition/ProjectAdministrationCondition.java) extend it with an @Inject constructor and override
// shouldDisplay(ApplicationUser, JiraHelper) (no @Component since jira-scrum-poker's commit 2bf38b1, "prepare for
// Jira 10"). The real class implements com.atlassian.plugin.web.Condition through AbstractJiraCondition; this app
// never calls that side, so the mirror leaves it out.

import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;

public abstract class AbstractWebCondition {

    public abstract boolean shouldDisplay(ApplicationUser user, JiraHelper jiraHelper);
}
