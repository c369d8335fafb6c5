package org.ctemcycles.jira.admin;

import com.atlassian.jira.security.JiraAuthenticationContext;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.security.CtemSettings;

/**
 * The action with the two JiraWebActionSupport methods it uses answered as Jira would (the mirror has no bodies):
 * a fixed XSRF token, and a redirect that is recorded.
 */
class TestableCycleAdminAction extends CycleAdminAction {

    static final String TOKEN = "b1a2c3d4-token";
    String redirectedTo;

    TestableCycleAdminAction(CtemServices services, CtemPermissions permissions, CtemSettings settings,
                             JiraAuthenticationContext authentication) {
        super(services, permissions, settings, authentication);
    }

    @Override
    public String getXsrfToken() {
        return TOKEN;
    }

    @Override
    public String getRedirect(String url) {
        redirectedTo = url;
        return NONE;
    }
}
