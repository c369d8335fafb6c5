package org.ctemcycles.jira.tracker;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.DelegatingJiraIssueEvent;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.issue.IssueEventBundle;
import com.atlassian.jira.event.issue.JiraIssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.core.mobilisation.TrackerSync;
import org.ctemcycles.jira.CtemServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Jira's issue events into the register (the way back, {@link TrackerSync}): registered with Jira's event publisher
 * when the app starts and unregistered when it stops, as Atlassian's Slack app does. An event of an issue the app
 * did not open for a finding is left alone after one property read; a bulk operation's events are skipped (the
 * scheduled reconciliation brings their changes in, as it brings in whatever a stopped node missed). The tracker's
 * sync applies only what changed since the register last saw the issue, so the events of the app's own updates
 * change nothing and cannot loop. A failure is logged, never thrown into Jira's event dispatch.
 */
@Component
public class IssueEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(IssueEventListener.class);

    private final EventPublisher events;
    private final CtemServices services;
    private final JiraIssueTracker tracker;

    @Inject
    public IssueEventListener(@ComponentImport EventPublisher events, CtemServices services,
                              JiraIssueTracker tracker) {
        this.events = events;
        this.services = services;
        this.tracker = tracker;
    }

    @PostConstruct
    public void start() {
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
    }

    @EventListener
    public void onIssueEvents(IssueEventBundle bundle) {
        for (JiraIssueEvent event : bundle.getEvents()) {
            if (event instanceof DelegatingJiraIssueEvent delegating) {
                IssueEvent issueEvent = delegating.asIssueEvent();
                if (issueEvent != null && issueEvent.getSpanningOperation().isEmpty()) {
                    handle(issueEvent);
                }
            }
        }
    }

    private void handle(IssueEvent event) {
        Issue issue = event.getIssue();
        if (issue == null) {
            return;
        }
        String actor = event.getUser() == null ? "jira:system" : event.getUser().getKey();
        try {
            TrackerSync sync = services.record().trackerSync();
            if (EventType.ISSUE_DELETED_ID.equals(event.getEventTypeId())) {
                tracker.forget(issue).ifPresent(link -> {
                    if (link.findingKey() != null) {
                        sync.deleted(String.valueOf(issue.getId()), actor);
                    }
                });
                return;
            }
            tracker.observe(issue).ifPresent(seen -> sync.observed(seen, actor));
            tracker.alignParentOf(issue, actor);
        } catch (RuntimeException e) {
            LOG.warn("CTEM: the change of issue {} (event {}) was not taken into the register ({}); the next"
                    + " reconciliation repairs it", issue.getKey(), event.getEventTypeId(), e.toString());
        }
    }
}
