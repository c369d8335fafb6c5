package org.ctemcycles.jira.tracker;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.mobilisation.ReconciliationReport;
import org.ctemcycles.jira.CtemServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles cycles' registers with Jira, one cycle at a time under a cluster lock of its own (so the scheduled job on
 * one node and a lead's reconcile-now on another never work the same cycle at once; the lock is not re-entrant, and
 * each is taken and released on the thread that works the cycle): the record's {@code TrackerSync.reconcile}, then
 * the parent issues of the vulnerability grain brought in line with their sub-tasks.
 */
@Component
public class Reconciliation {

    static final String ACTOR = "ctem:reconciliation";
    static final String LOCK_PREFIX = "org.ctemcycles.ctem-cycles-jira.reconciliation.";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final CtemServices services;
    private final ClusterLockService locks;

    @Inject
    public Reconciliation(CtemServices services, @ComponentImport ClusterLockService locks) {
        this.services = services;
        this.locks = locks;
    }

    /**
     * Reconciles one cycle now, waiting up to {@code waitSeconds} for another node's reconciliation of it to end.
     *
     * @throws ConflictException when another reconciliation of the cycle did not end in time
     */
    public ReconciliationReport reconcile(Cycle cycle, String actor, long waitSeconds) {
        ClusterLock lock = locks.getLockForName(LOCK_PREFIX + cycle.key());
        boolean held;
        try {
            held = lock.tryLock(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting for another reconciliation of cycle " + cycle.key(),
                    false, e);
        }
        if (!held) {
            throw new ConflictException("cycle " + cycle.key() + " is being reconciled on another node; try again"
                    + " when it is done");
        }
        try {
            return reconcileHeld(cycle.key(), actor);
        } finally {
            lock.unlock();
        }
    }

    /** Every open cycle whose lock is free (the scheduled job); cycles another node is reconciling are skipped. */
    public List<ReconciliationReport> reconcileAll() {
        List<ReconciliationReport> reports = new ArrayList<>();
        for (Cycle cycle : services.cycles().list()) {
            if (cycle.closed()) {
                continue;
            }
            ClusterLock lock = locks.getLockForName(LOCK_PREFIX + cycle.key());
            if (!lock.tryLock()) {
                continue;
            }
            try {
                reports.add(reconcileHeld(cycle.key(), ACTOR));
            } catch (RuntimeException e) {
                LOG.warn("CTEM: reconciling cycle {} failed ({}); the next run tries again", cycle.key(), e.toString());
            } finally {
                lock.unlock();
            }
        }
        return reports;
    }

    private ReconciliationReport reconcileHeld(String cycleKey, String actor) {
        ReconciliationReport report = services.record().trackerSync().reconcile(cycleKey, actor);
        if (services.tracker() instanceof JiraIssueTracker jira) {
            for (String done : jira.alignParents(cycleKey, actor)) {
                LOG.info("CTEM: reconciliation of cycle {}: {}", cycleKey, done);
            }
        }
        if (!report.repairs().isEmpty()) {
            LOG.info("CTEM: reconciliation of cycle {} by {}: checked {}, repaired {}", cycleKey, actor,
                    report.checked(), report.repairs().size());
        }
        return report;
    }
}
