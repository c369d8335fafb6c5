package com.atlassian.jira.issue.link;

// Mirror (compile-only, never packaged). Only the methods this app calls. UNVERIFIED on Jira 11 (no public Jira 10/11
// code creates or reads issue links). Best evidence: the IssueLinkManager API docs
// (docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLinkManager.html, a 7.x page);
// getInwardLinks(Long) returning List<IssueLink>: Atlassian's copy-issue app
// (com.atlassian.cpji.action.CopyIssueToInstanceAction, issueLinkManager.getInwardLinks(localIssue.getId()) iterated as
// IssueLink; an older Jira line, version not checked) and Jira's own pre-10 IssueLinkManager interface in public
// sources.

import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.user.ApplicationUser;

import java.util.List;

public interface IssueLinkManager {

    void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence,
                         ApplicationUser remoteUser) throws CreateException;

    List<IssueLink> getInwardLinks(Long issueId);
}
