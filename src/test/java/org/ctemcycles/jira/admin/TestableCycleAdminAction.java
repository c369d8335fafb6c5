package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;

/**
 * The action with the JiraWebActionSupport method it uses answered as Jira would (the mirror has no bodies): a
 * redirect, recorded.
 */
class TestableCycleAdminAction extends CycleAdminAction {

    String redirectedTo;

    TestableCycleAdminAction(CtemServices services, CtemPermissions permissions, CtemSettings settings,
                             JiraAuthenticationContext authentication) {
        super(services, permissions, settings, authentication);
    }

    @Override
    public String getRedirect(String url) {
        redirectedTo = url;
        return NONE;
    }
}
