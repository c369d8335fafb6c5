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

    final FakeJira jira = new FakeJira();
    final FakeJiraIssues issues = new FakeJiraIssues(jira);
    final MutableClock clock = MutableClock.on("2026-07-02");
    final String lead = jira.lead.getKey();
    final TrackerSettings settings = new TrackerSettings(jira.settingsFactory, issues.api());
    final JiraIssueTracker tracker;
    final CtemServices services;
    final IssueEventListener listener;

    JiraTrackerRig(ActiveObjects ao) {
        tracker = new JiraIssueTracker(issues.api(), settings, ao, clock);
        services = new CtemServices(ao, (user, cycle) -> lead.equals(user), tracker, clock);
        listener = new IssueEventListener(issues.events, services, tracker);
        services.cycles().create(new CycleDraft("CTEM-1", "Payments", "Cut KEV exposure", "2026-07-01",
                "2026-09-30", "14"), lead);
        services.cycles().moveToProject("CTEM-1", "SEC", lead);
    }
}
