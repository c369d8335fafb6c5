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
import org.ctemcycles.jira.tracker.TrackerNotConfigured;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The cycle record inside Jira: the app's composition root ({@link CycleRecord}) built once over Jira's Active
 * Objects with Jira's ports (who leads a cycle from {@link CtemPermissions}; the issue tracker), so that REST
 * resources, pages, listeners and jobs share the same services. Holds no state of its own: every node of a Data
 * Center cluster reads and writes the same database.
 */
@Component
public class CtemServices {

    private final CycleRecord record;

    @Inject
    public CtemServices(@ComponentImport ActiveObjects ao, CtemPermissions permissions) {
        this(ao, permissions, new TrackerNotConfigured(), Clock.systemUTC());
    }

    public CtemServices(ActiveObjects ao, SecurityLeads leads, IssueTracker tracker, Clock clock) {
        this.record = CycleRecord.overStore(ao, tracker, leads, clock);
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
