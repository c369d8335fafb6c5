package com.atlassian.scheduler.config;

// Mirror (compile-only, never packaged). Only the interval schedule this app uses, a value as in the scheduler API. UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

import java.util.Date;

public final class Schedule {

    private final long intervalInMillis;
    private final Date firstRunTime;

    private Schedule(long intervalInMillis, Date firstRunTime) {
        this.intervalInMillis = intervalInMillis;
        this.firstRunTime = firstRunTime;
    }

    /** Every {@code intervalInMillis}, first at {@code firstRunTime} (null: as soon as possible). */
    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(intervalInMillis, firstRunTime);
    }

    /** The interval in milliseconds (the API's IntervalScheduleInfo, flattened here). */
    public long getIntervalInMillis() {
        return intervalInMillis;
    }

    public Date getFirstRunTime() {
        return firstRunTime;
    }
}
