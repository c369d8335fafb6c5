package com.atlassian.jira.issue.context;

// Mirror (compile-only, never packaged). The global context a field is created in, restricted then by issue type:
// Collections.singletonList(GlobalIssueContext.getInstance()) in Semmle/lgtm-jira-addon
// (config/upgrades/UpgradeTask4CreateConfigKeyField.java, pre-10). UNVERIFIED on Jira 11.

public class GlobalIssueContext implements JiraContextNode {

    protected GlobalIssueContext() {
    }

    public static JiraContextNode getInstance() {
        throw new UnsupportedOperationException("mirror");
    }
}
