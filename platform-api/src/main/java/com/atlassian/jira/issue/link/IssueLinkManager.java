package com.atlassian.jira.issue.link;

// Mirror (compile-only, never packaged). Only the method this app calls. UNVERIFIED on Jira 11 (no public Jira 10/11 code
// creates issue links). Best evidence: the IssueLinkManager API docs
// (docs.atlassian.com/jira/server/com/atlassian/jira/issue/link/IssueLinkManager.html, a 7.x page).

import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.user.ApplicationUser;

public interface IssueLinkManager {

    void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence,
                         ApplicationUser remoteUser) throws CreateException;
}
