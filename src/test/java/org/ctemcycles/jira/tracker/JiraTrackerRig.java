package org.ctemcycles.jira.tracker;

import com.atlassian.activeobjects.external.ActiveObjects;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.testing.FakeJira;
import org.ctemcycles.testing.FakeJiraIssues;
import org.ctemcycles.testing.MutableClock;

/**
 * The app inside Jira as the tracker's tests need it: the record's services over a database with the Jira adapter
 * over the test doubles of Jira's issues, the event listener (not yet registered), and cycle {@code CTEM-1} of
 * project SEC opened by the security lead.
 */
final class JiraTrackerRig {

    final FakeJira jira;
    final FakeJiraIssues issues;
    final MutableClock clock;
    final String lead;
    final TrackerSettings settings;
    final JiraIssueTracker tracker;
    final CtemServices services;
    final IssueEventListener listener;

    JiraTrackerRig(ActiveObjects ao) {
        this(ao, new FakeJira(), null, MutableClock.on("2026-07-02"));
        services.cycles().create(new CycleDraft("CTEM-1", "Payments", "Cut KEV exposure", "2026-07-01",
                "2026-09-30", "14"), lead);
        services.cycles().moveToProject("CTEM-1", "SEC", lead);
    }

    private JiraTrackerRig(ActiveObjects ao, FakeJira jira, FakeJiraIssues issues, MutableClock clock) {
        this.jira = jira;
        this.issues = issues == null ? new FakeJiraIssues(jira) : issues;
        this.clock = clock;
        this.lead = jira.lead.getKey();
        this.settings = new TrackerSettings(jira.settingsFactory, this.issues.api());
        this.tracker = new JiraIssueTracker(this.issues.api(), settings, ao, clock);
        this.services = new CtemServices(ao, (user, cycle) -> lead.equals(user), tracker, clock);
        this.listener = new IssueEventListener(this.issues.events, services, tracker);
    }

    /**
     * Another node of the same cluster: its own adapter and services over the database {@code ao} reaches (the
     * cluster's one database) and the same Jira; its listener is not registered.
     */
    JiraTrackerRig otherNode(ActiveObjects ao) {
        return new JiraTrackerRig(ao, jira, issues, clock);
    }
}
