package com.atlassian.jira.issue.link;

// Mirror (compile-only, never packaged). Only the method this app calls. UNVERIFIED on Jira 11 (no public Jira 10/11 code
// uses it). Best evidence: the API docs
// (docs.atlassian.com/jira/7.0.8/com/atlassian/jira/issue/link/IssueLinkTypeManager.html).

import java.util.Collection;

public interface IssueLinkTypeManager {

    Collection<IssueLinkType> getIssueLinkTypesByName(String name);
}
