package example;

import com.atlassian.jira.plugin.webfragment.conditions.AbstractWebCondition;
import com.atlassian.jira.user.ApplicationUser;

public class WronglyShown extends AbstractWebCondition { // expect: MISMATCH EXTENDS AbstractWebCondition

    @Override // expect: MISMATCH OVERRIDE AbstractWebCondition#shouldDisplay
    public boolean shouldDisplay(ApplicationUser user) {
        return user != null;
    }
}
