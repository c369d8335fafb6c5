package com.atlassian.scheduler.config;

// Mirror (compile-only, never packaged). A value built fluently, as in the scheduler API; only the members this app and its
// test scheduler use. UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

public final class JobConfig {

    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;

    private JobConfig(JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule) {
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode;
        this.schedule = schedule;
    }

    public static JobConfig forJobRunnerKey(JobRunnerKey jobRunnerKey) {
        return new JobConfig(jobRunnerKey, RunMode.RUN_ONCE_PER_CLUSTER, null);
    }

    public JobConfig withRunMode(RunMode mode) {
        return new JobConfig(jobRunnerKey, mode, schedule);
    }

    public JobConfig withSchedule(Schedule next) {
        return new JobConfig(jobRunnerKey, runMode, next);
    }

    public JobRunnerKey getJobRunnerKey() {
        return jobRunnerKey;
    }

    public RunMode getRunMode() {
        return runMode;
    }

    public Schedule getSchedule() {
        return schedule;
    }
}
