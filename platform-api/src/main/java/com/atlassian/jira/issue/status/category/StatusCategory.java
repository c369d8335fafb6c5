package com.atlassian.jira.issue.status.category;

// Mirror (compile-only, never packaged). Only the members this app uses. Jira 11 evidence: getKey and getName in the
// anonymous StatusCategory of atlassian-labs/atlassian-slack-integration-server@94c50dc (web/rest/SlackMessageResource.java). The key constants
// ("new", "indeterminate", "done") are those of Jira's StatusCategory as the shared research quotes it
// (../shared/research/jira-dc-11-surfaces.md, section 2).

public interface StatusCategory {

    String TO_DO = "new";
    String IN_PROGRESS = "indeterminate";
    String COMPLETE = "done";

    String getKey();

    String getName();
}
