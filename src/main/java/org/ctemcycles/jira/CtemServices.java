package org.ctemcycles.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.SecurityLeads;
import org.ctemcycles.core.mobilisation.IssueTracker;
import org.ctemcycles.jira.security.CtemPermissions;
import org.ctemcycles.jira.tracker.JiraIssueTracker;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The cycle record inside Jira: the app's composition root ({@link CycleRecord}) built once over Jira's Active
 * Objects with Jira's ports (who leads a cycle from {@link CtemPermissions}; Jira's issues as the tracker,
 * {@link JiraIssueTracker}), so that REST resources, pages, listeners and jobs share the same services. Holds no
 * state of its own: every node of a Data Center cluster reads and writes the same database.
 */
@Component
public class CtemServices {

    private final CycleRecord record;
    private final IssueTracker tracker;

    @Inject
    public CtemServices(@ComponentImport ActiveObjects ao, CtemPermissions permissions, JiraIssueTracker tracker) {
        this(ao, permissions, tracker, Clock.systemUTC());
    }

    public CtemServices(ActiveObjects ao, SecurityLeads leads, IssueTracker tracker, Clock clock) {
        this.record = CycleRecord.overStore(ao, tracker, leads, clock);
        this.tracker = tracker;
    }

    /** The tracker the record mobilises into (Jira's issues inside Jira). */
    public IssueTracker tracker() {
        return tracker;
    }

    /** Ends the record's own threads (the queue's ranking threads) when the app is disabled or Jira stops. */
    @PreDestroy
    public void close() {
        record.close();
    }

    /** Every service of the cycle record. */
    public CycleRecord record() {
        return record;
    }

    public CycleService cycles() {
        return record.cycles();
    }
}
