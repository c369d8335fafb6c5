package com.atlassian.jira.issue.link;

// Mirror (compile-only, never packaged). Only the methods this app calls. UNVERIFIED on Jira 10/11 (no public Jira
// 10/11 code in the stored index reads issue links). Best evidence: getSourceId() compared with an issue's Long id in
// M-Whitaker/jira-agile-extended (jira-server-agile-extended, panel/ChildIssuesPanelCondition.java @9bd34eb, Jira
// 8.13.8 by its pom.xml; scripts/check-mirror finds IssueLink as a type consistent there and gives that call no
// verdict); getIssueLinkType() on the links of IssueLinkManager#getInwardLinks in Atlassian's copy-issue app
// (com.atlassian.cpji.action.CopyIssueToInstanceAction, an older Jira line, version not checked); the IssueLink API
// docs (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/link/IssueLink.html).

public interface IssueLink {

    Long getSourceId();

    IssueLinkType getIssueLinkType();
}
