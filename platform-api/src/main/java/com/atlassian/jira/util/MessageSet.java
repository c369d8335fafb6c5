package com.atlassian.jira.util;

// Mirror (compile-only, never packaged). Only the methods this app and its tests call. Jira 11 evidence: codescape/jira-scrum-poker@bb652fd (jql/ActiveScrumPokerSessionsJqlFunction.java, jira.version 11.3.1) returns
// it from validate, and its test reads getErrorMessages(). addErrorMessage and hasAnyErrors are not called by the
// three Jira 11 reference apps; best evidence: atlascommunity/jira-plugins-groovy@021178d (Jira 7.6,
// impl/jql/function/builtin/DateCompareFunction.java: new MessageSetImpl(), hasAnyErrors(), getErrorMessages()).

import java.util.Set;

public interface MessageSet {

    void addErrorMessage(String message);

    boolean hasAnyErrors();

    Set<String> getErrorMessages();
}
