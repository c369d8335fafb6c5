package com.atlassian.scheduler;

// Mirror (compile-only, never packaged). Only the members this app and its tests use; a value as in the scheduler API.
// UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

import com.atlassian.scheduler.status.RunOutcome;

public final class JobRunnerResponse {

    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success() {
        return new JobRunnerResponse(RunOutcome.SUCCESS, null);
    }

    public static JobRunnerResponse success(String message) {
        return new JobRunnerResponse(RunOutcome.SUCCESS, message);
    }

    public static JobRunnerResponse aborted(String message) {
        return new JobRunnerResponse(RunOutcome.ABORTED, message);
    }

    public static JobRunnerResponse failed(String message) {
        return new JobRunnerResponse(RunOutcome.FAILED, message);
    }

    public static JobRunnerResponse failed(Throwable cause) {
        return new JobRunnerResponse(RunOutcome.FAILED, String.valueOf(cause));
    }

    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    public String getMessage() {
        return message;
    }
}
