package org.ctemcycles.jira.sources;

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
import org.ctemcycles.core.discovery.DiscoverySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The scheduled discovery sources' job: every 5 minutes, once per cluster under a stable job id and a cluster lock,
 * each due source runs through {@link JiraSources} (its outcome stored on the source, appended to the cycle's log as
 * {@code SOURCE_RAN} and to SLF4J by {@code ScheduledDiscovery}). A run that failed (the host unreachable, a time
 * out) is tried again at once after 2 s and 4 s, at most {@value #ATTEMPTS} attempts; a source still failing backs
 * off across runs ({@code DiscoverySource#nextWait}: its interval doubled per failed run in a row, capped, stored with
 * the source so another node or a restart keeps to it). Each fetch is bounded by the fetcher's timeout, and a run starts no new source
 * once {@link #BUDGET} has passed, so one slow cycle cannot hold the lock for long.
 */
@Component
public class SourceJobs {

    static final String PLUGIN_KEY = "org.ctemcycles.ctem-cycles-jira";
    static final JobRunnerKey SOURCES = JobRunnerKey.of(PLUGIN_KEY + ":discovery-sources");
    static final JobId SOURCES_JOB = JobId.of(PLUGIN_KEY + ":discovery-sources");
    static final long EVERY_MILLIS = 5L * 60 * 1000;
    static final String LOCK = "org.ctemcycles.ctem-cycles-jira.discovery-sources";
    static final String ACTOR = "ctem:sources";
    static final int ATTEMPTS = 3;
    static final Duration BUDGET = Duration.ofMinutes(4);
    private static final Logger LOG = LoggerFactory.getLogger(SourceJobs.class);

    private final SchedulerService scheduler;
    private final EventPublisher events;
    private final ClusterLockService locks;
    private final JiraSources sources;
    private final LongConsumer pause;

    @Inject
    public SourceJobs(@ComponentImport SchedulerService scheduler, @ComponentImport EventPublisher events,
                      @ComponentImport ClusterLockService locks, JiraSources sources) {
        this(scheduler, events, locks, sources, SourceJobs::sleep);
    }

    /** @param pause waits the given milliseconds between attempts (tests record the back-off instead) */
    SourceJobs(SchedulerService scheduler, EventPublisher events, ClusterLockService locks, JiraSources sources,
               LongConsumer pause) {
        this.scheduler = scheduler;
        this.events = events;
        this.locks = locks;
        this.sources = sources;
        this.pause = pause;
    }

    @PostConstruct
    public void start() {
        scheduler.registerJobRunner(SOURCES, request -> run());
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
        scheduler.unregisterJobRunner(SOURCES);
    }

    @EventListener
    public void onPluginEnabled(PluginEnabledEvent event) {
        if (event.getPlugin() == null || !PLUGIN_KEY.equals(event.getPlugin().getKey())) {
            return;
        }
        try {
            scheduler.scheduleJob(SOURCES_JOB, JobConfig.forJobRunnerKey(SOURCES)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(EVERY_MILLIS, null)));
        } catch (SchedulerServiceException e) {
            LOG.error("CTEM: the discovery sources' job could not be scheduled ({}); sources run only when a lead"
                    + " runs them", e.getMessage());
        }
    }

    JobRunnerResponse run() {
        ClusterLock lock = locks.getLockForName(LOCK);
        if (!lock.tryLock()) {
            return JobRunnerResponse.aborted("another node is running the discovery sources");
        }
        long started = System.nanoTime();
        int ran = 0;
        int failing = 0;
        try {
            for (DiscoverySource source : sources.due()) {
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(BUDGET) > 0) {
                    LOG.info("CTEM: discovery sources' run stopped after {}; the rest run next time", BUDGET);
                    break;
                }
                DiscoverySource done = sources.run(source.cycleKey(), source.id(), ACTOR, ATTEMPTS,
                        wait -> pause.accept(wait.toMillis()));
                ran++;
                if (done.failures() > 0) {
                    failing++;
                }
            }
            return JobRunnerResponse.success("ran " + ran + " discovery sources, " + failing + " still failing");
        } catch (RuntimeException e) {
            LOG.warn("CTEM: the discovery sources' job failed ({})", e.toString());
            return JobRunnerResponse.failed(e);
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
