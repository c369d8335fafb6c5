package com.atlassian.scheduler.config;

// Mirror (compile-only, never packaged). A value (equal keys for equal text), as in the scheduler API. UNVERIFIED on Jira 11: no public Jira 10/11 app schedules jobs. Best evidence: the atlassian-scheduler API docs
// (docs.atlassian.com/atlassian-scheduler-api/1.6.0/), Bamboo 10.0.2's SchedulerService implementation (Platform 7,
// docs.atlassian.com/atlassian-bamboo/10.0.2/com/atlassian/bamboo/schedule/AtlassianSchedulerServiceImpl.html) and
// the Jira 9 use in atlassian-labs/msteams-jira-server-addon@c7f6c2b (lifecycle/scheduler/SignalRConnectionMonitorJob.java).

import java.util.Objects;

public final class JobRunnerKey {

    private final String key;

    private JobRunnerKey(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public static JobRunnerKey of(String key) {
        return new JobRunnerKey(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobRunnerKey that && that.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
