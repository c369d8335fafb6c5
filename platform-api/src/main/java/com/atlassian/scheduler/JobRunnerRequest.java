package com.atlassian.scheduler;

// Mirror (compile-only, never packaged). Only the methods this app or its test scheduler calls. UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;

import java.util.Date;

public interface JobRunnerRequest {

    Date getStartTime();

    JobId getJobId();

    JobConfig getJobConfig();

    boolean isCancellationRequested();
}
