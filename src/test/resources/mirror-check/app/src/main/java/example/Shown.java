package example;

import com.atlassian.jira.plugin.webfragment.conditions.AbstractWebCondition;
import com.atlassian.jira.plugin.webfragment.model.JiraHelper;
import com.atlassian.jira.user.ApplicationUser;

public class Shown extends AbstractWebCondition { // expect: CONSISTENT EXTENDS AbstractWebCondition

    @Override // expect: CONSISTENT OVERRIDE AbstractWebCondition#shouldDisplay
    public boolean shouldDisplay(ApplicationUser user, JiraHelper jiraHelper) {
        return user != null;
    }
}
