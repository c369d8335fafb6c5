package org.ctemcycles.jira.fields;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
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
import org.ctemcycles.jira.CtemServices;
import org.ctemcycles.store.AoReindexQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.List;

/**
 * Keeps Jira's index of the CTEM fields true to the record: every {@value #EVERY_SECONDS} seconds, once per cluster,
 * it takes the re-index requests the record's changes left ({@link ReindexRequests}) and re-indexes their issues in
 * batches of {@value #BATCH} through Jira's indexing service, at most {@value #PER_RUN} issues a run, so a ranking
 * of 10,000 findings is indexed over a few minutes without holding up the request that made it. Scheduled as the
 * tracker's jobs are (runner on every node, a stable job id, scheduled when Jira says the app is enabled); a cluster
 * lock keeps two runs from draining the queue at once (a run outlasting its interval, or a node that missed the
 * cluster's schedule).
 */
@Component
public class FieldIndexJob {

    static final String PLUGIN_KEY = "org.ctemcycles.ctem-cycles-jira";
    static final JobRunnerKey RUNNER = JobRunnerKey.of(PLUGIN_KEY + ":field-reindex");
    static final JobId JOB = JobId.of(PLUGIN_KEY + ":field-reindex");
    static final String LOCK = PLUGIN_KEY + ":field-reindex";
    static final int EVERY_SECONDS = 30;
    static final int BATCH = 100;
    static final int PER_RUN = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(FieldIndexJob.class);

    private final SchedulerService scheduler;
    private final EventPublisher events;
    private final ClusterLockService locks;
    private final AoReindexQueue queue;
    private final ToIntFunction<List<Long>> index;
    private final int batch;
    private final int perRun;

    @Inject
    public FieldIndexJob(@ComponentImport SchedulerService scheduler, @ComponentImport EventPublisher events,
                         @ComponentImport ClusterLockService locks, CtemServices services, JiraFieldIndex index) {
        this(scheduler, events, locks, services.reindexQueue(), index::reindex, BATCH, PER_RUN);
    }

    FieldIndexJob(SchedulerService scheduler, EventPublisher events, ClusterLockService locks,
                  AoReindexQueue queue, ToIntFunction<List<Long>> index, int batch, int perRun) {
        this.scheduler = scheduler;
        this.events = events;
        this.locks = locks;
        this.queue = queue;
        this.index = index;
        this.batch = batch;
        this.perRun = perRun;
    }

    @PostConstruct
    public void start() {
        scheduler.registerJobRunner(RUNNER, request -> run());
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
        scheduler.unregisterJobRunner(RUNNER);
    }

    @EventListener
    public void onPluginEnabled(PluginEnabledEvent event) {
        if (event.getPlugin() == null || !PLUGIN_KEY.equals(event.getPlugin().getKey())) {
            return;
        }
        try {
            scheduler.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(EVERY_SECONDS * 1000L, null)));
        } catch (SchedulerServiceException e) {
            LOG.error("CTEM: the fields' re-index job could not be scheduled ({}); JQL on the CTEM fields answers"
                    + " from the last index until Jira re-indexes", e.getMessage());
        }
    }

    /** One run: up to the run's share of the queue, a batch at a time; nothing when another run holds the lock. */
    JobRunnerResponse run() {
        ClusterLock lock = locks.getLockForName(LOCK);
        if (!lock.tryLock()) {
            return JobRunnerResponse.success("another run is re-indexing the CTEM fields");
        }
        int issues = 0;
        int batches = 0;
        try {
            while (issues < perRun) {
                Optional<AoReindexQueue.Batch> next = queue.next(Math.min(batch, perRun - issues));
                if (next.isEmpty()) {
                    break;
                }
                index.applyAsInt(next.get().issueIds());
                queue.done(next.get());
                issues += Math.max(1, next.get().issueIds().size());
                batches++;
            }
            return JobRunnerResponse.success("re-indexed " + issues + " issues in " + batches + " batches");
        } catch (RuntimeException e) {
            LOG.warn("CTEM: re-indexing the CTEM fields failed ({}); the requests stay queued", e.toString());
            return JobRunnerResponse.failed(e);
        } finally {
            lock.unlock();
        }
    }
}
