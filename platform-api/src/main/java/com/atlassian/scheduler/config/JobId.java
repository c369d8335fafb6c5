package com.atlassian.scheduler.config;

// Mirror (compile-only, never packaged). A value (equal ids for equal text), as in the scheduler API. UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

import java.util.Objects;

public final class JobId {

    private final String id;

    private JobId(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public static JobId of(String id) {
        return new JobId(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobId that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
