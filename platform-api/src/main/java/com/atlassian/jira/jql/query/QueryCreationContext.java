package com.atlassian.jira.jql.query;

// Mirror (compile-only, never packaged). Only the method this app calls: the user the search runs for, whose
// permissions a JQL function's values must respect. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) takes it in getValues. getApplicationUser()
// is not called by the three Jira 11 reference apps; best evidence: atlascommunity/jira-plugins-groovy@021178d
// (Jira 7.6, impl/jql/function/builtin/version/AbstractVersionFunction.java, which passes
// queryCreationContext.getApplicationUser() to PermissionManager#hasPermission(BROWSE_PROJECTS, ...)).

import com.atlassian.jira.user.ApplicationUser;

public interface QueryCreationContext {

    ApplicationUser getApplicationUser();
}
