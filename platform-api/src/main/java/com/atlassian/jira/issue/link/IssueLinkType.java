package com.atlassian.jira.issue.link;

// Mirror (compile-only, never packaged). Only the method this app calls. UNVERIFIED on Jira 11. Best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/link/IssueLinkType.html).

public interface IssueLinkType {

    Long getId();
}
