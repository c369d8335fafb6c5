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
 * out) is tried again at once with a growing pause, at most {@value #ATTEMPTS} times; a source still failing stays
 * due and the next run tries it again. Each fetch is bounded by the fetcher's timeout, and a run starts no new source
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
                DiscoverySource done = source;
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    done = sources.run(source.cycleKey(), source.id(), ACTOR);
                    if (!done.lastOutcome().startsWith("failed") || attempt == ATTEMPTS) {
                        break;
                    }
                    pause.accept(backOffMillis(attempt));
                }
                ran++;
                if (done.lastOutcome().startsWith("failed")) {
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

    /** 2 s after the first failure, 4 s after the second. */
    static long backOffMillis(int attempt) {
        return 1000L << attempt;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
