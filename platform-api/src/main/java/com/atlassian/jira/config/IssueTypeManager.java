package com.atlassian.jira.config;

// Mirror (compile-only, never packaged). Only the methods this app calls. Jira 11 evidence: the interface is imported as
// a component by atlassian-labs/atlassian-slack-integration-server@94c50dc (service/ComponentImports.java); getIssueTypes and
// createIssueType(name, description, avatarId) are UNVERIFIED on Jira 11. Best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/config/IssueTypeManager.html).

import com.atlassian.jira.issue.issuetype.IssueType;

import java.util.Collection;

public interface IssueTypeManager {

    Collection<IssueType> getIssueTypes();

    IssueType createIssueType(String name, String description, Long avatarId);
}
