package com.atlassian.scheduler.config;

// Mirror (compile-only, never packaged). UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java). RUN_ONCE_PER_CLUSTER runs a job on one node per trigger; RUN_LOCALLY on each node.

public enum RunMode {
    RUN_ONCE_PER_CLUSTER,
    RUN_LOCALLY
}
