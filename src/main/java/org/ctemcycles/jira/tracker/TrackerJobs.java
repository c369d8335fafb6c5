package org.ctemcycles.jira.tracker;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.event.events.PluginEnabledEvent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import org.ctemcycles.core.mobilisation.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The tracker's two scheduled jobs, each run once per cluster per trigger under a stable job id: reconciliation
 * (every hour: each open cycle's register against Jira's issues, {@link Reconciliation}) and the resumption of
 * unfinished mobilisation runs (every minute, {@link MobilisationWorker}). The runners are registered on every node
 * when the app starts (a node without the runner cannot run the job) and unregistered when it stops; the jobs are
 * scheduled when Jira says the app is enabled, scheduling the same ids again replacing them, so restarts never pile
 * up jobs. Both are safe on any node at any time: reconciliation takes each cycle's cluster lock, a run its own.
 */
@Component
public class TrackerJobs {

    static final String PLUGIN_KEY = "org.ctemcycles.ctem-cycles-jira";
    static final JobRunnerKey RECONCILE = JobRunnerKey.of(PLUGIN_KEY + ":tracker-reconciliation");
    static final JobRunnerKey RESUME = JobRunnerKey.of(PLUGIN_KEY + ":mobilisation-runs");
    static final JobId RECONCILE_JOB = JobId.of(PLUGIN_KEY + ":tracker-reconciliation");
    static final JobId RESUME_JOB = JobId.of(PLUGIN_KEY + ":mobilisation-runs");
    static final long RECONCILE_EVERY_MILLIS = 60L * 60 * 1000;
    static final long RESUME_EVERY_MILLIS = 60L * 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TrackerJobs.class);

    private final SchedulerService scheduler;
    private final EventPublisher events;
    private final Reconciliation reconciliation;
    private final MobilisationWorker worker;

    @Inject
    public TrackerJobs(@ComponentImport SchedulerService scheduler, @ComponentImport EventPublisher events,
                       Reconciliation reconciliation, MobilisationWorker worker) {
        this.scheduler = scheduler;
        this.events = events;
        this.reconciliation = reconciliation;
        this.worker = worker;
    }

    @PostConstruct
    public void start() {
        scheduler.registerJobRunner(RECONCILE, request -> reconcile());
        scheduler.registerJobRunner(RESUME, request -> resume());
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
        scheduler.unregisterJobRunner(RECONCILE);
        scheduler.unregisterJobRunner(RESUME);
    }

    @EventListener
    public void onPluginEnabled(PluginEnabledEvent event) {
        if (event.getPlugin() == null || !PLUGIN_KEY.equals(event.getPlugin().getKey())) {
            return;
        }
        try {
            scheduler.scheduleJob(RECONCILE_JOB, JobConfig.forJobRunnerKey(RECONCILE)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(RECONCILE_EVERY_MILLIS, null)));
            scheduler.scheduleJob(RESUME_JOB, JobConfig.forJobRunnerKey(RESUME)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(RESUME_EVERY_MILLIS, null)));
        } catch (SchedulerServiceException e) {
            LOG.error("CTEM: the tracker's jobs could not be scheduled ({}); reconciliation runs only when a lead"
                    + " asks for it", e.getMessage());
        }
    }

    JobRunnerResponse reconcile() {
        try {
            List<ReconciliationReport> reports = reconciliation.reconcileAll();
            int repaired = reports.stream().mapToInt(r -> r.repairs().size()).sum();
            int checked = reports.stream().mapToInt(ReconciliationReport::checked).sum();
            return JobRunnerResponse.success("reconciled " + reports.size() + " cycles: checked " + checked
                    + " entries, repaired " + repaired);
        } catch (RuntimeException e) {
            LOG.warn("CTEM: the reconciliation job failed ({})", e.toString());
            return JobRunnerResponse.failed(e);
        }
    }

    JobRunnerResponse resume() {
        try {
            return JobRunnerResponse.success("resumed " + worker.resumeUnfinished() + " mobilisation runs");
        } catch (RuntimeException e) {
            LOG.warn("CTEM: resuming mobilisation runs failed ({})", e.toString());
            return JobRunnerResponse.failed(e);
        }
    }
}
