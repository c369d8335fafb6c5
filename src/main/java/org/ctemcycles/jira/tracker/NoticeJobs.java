package org.ctemcycles.jira.tracker;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.mail.queue.MailQueue;
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
import org.ctemcycles.core.notice.NoticeRun;
import org.ctemcycles.jira.CtemServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notices' scheduled job: every hour, once per cluster under a stable job id, and under a cluster lock (a run
 * that finds the lock held by another node's run leaves the work to it), the record's notices are planned and each
 * delivered through Jira ({@link JiraNotices}) and recorded once (ADR 092). A notice whose delivery failed is not
 * recorded and is tried again by the next run. The runner is registered on every node when the app starts, the job
 * scheduled when Jira says the app is enabled, as the tracker's jobs are ({@link TrackerJobs}).
 */
@Component
public class NoticeJobs {

    static final JobRunnerKey NOTICES = JobRunnerKey.of(TrackerJobs.PLUGIN_KEY + ":notices");
    static final JobId NOTICES_JOB = JobId.of(TrackerJobs.PLUGIN_KEY + ":notices");
    static final long EVERY_MILLIS = 60L * 60 * 1000;
    static final String LOCK = "org.ctemcycles.ctem-cycles-jira.notices";
    static final String ACTOR = "ctem:notices";
    private static final Logger LOG = LoggerFactory.getLogger(NoticeJobs.class);

    private final SchedulerService scheduler;
    private final EventPublisher events;
    private final ClusterLockService locks;
    private final CtemServices services;
    private final JiraNotices delivery;

    @Inject
    public NoticeJobs(@ComponentImport SchedulerService scheduler, @ComponentImport EventPublisher events,
                      @ComponentImport ClusterLockService locks, @ComponentImport MailQueue mail,
                      CtemServices services, JiraIssueTracker tracker, JiraIssueApi jira) {
        this.scheduler = scheduler;
        this.events = events;
        this.locks = locks;
        this.services = services;
        this.delivery = new JiraNotices(tracker, jira, mail, services.cycles());
    }

    @PostConstruct
    public void start() {
        scheduler.registerJobRunner(NOTICES, request -> run());
        events.register(this);
    }

    @PreDestroy
    public void stop() {
        events.unregister(this);
        scheduler.unregisterJobRunner(NOTICES);
    }

    @EventListener
    public void onPluginEnabled(PluginEnabledEvent event) {
        if (event.getPlugin() == null || !TrackerJobs.PLUGIN_KEY.equals(event.getPlugin().getKey())) {
            return;
        }
        try {
            scheduler.scheduleJob(NOTICES_JOB, JobConfig.forJobRunnerKey(NOTICES)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(EVERY_MILLIS, null)));
        } catch (SchedulerServiceException e) {
            LOG.error("CTEM: the notices' job could not be scheduled ({}); no notice is sent", e.getMessage());
        }
    }

    JobRunnerResponse run() {
        ClusterLock lock = locks.getLockForName(LOCK);
        if (!lock.tryLock()) {
            return JobRunnerResponse.aborted("another node is sending the notices");
        }
        try {
            NoticeRun run = services.record().notices().send(delivery, ACTOR);
            for (NoticeRun.Failed failed : run.failed()) {
                LOG.warn("CTEM: notice {} not delivered, tried again next run ({})", failed.notice().key(),
                        failed.reason());
            }
            if (!run.sent().isEmpty()) {
                LOG.info("CTEM: notices sent {}, already sent {}, failed {}", run.sent().size(), run.alreadySent(),
                        run.failed().size());
            }
            return JobRunnerResponse.success("sent " + run.sent().size() + " notices, " + run.failed().size()
                    + " failed");
        } catch (RuntimeException e) {
            LOG.warn("CTEM: the notices' job failed ({})", e.toString());
            return JobRunnerResponse.failed(e);
        } finally {
            lock.unlock();
        }
    }
}
